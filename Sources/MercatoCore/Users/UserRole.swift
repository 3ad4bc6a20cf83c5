/// What a user may do: shoppers buy, vendors manage their own products, admins manage everything.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    case customer, vendor, admin
}

/// Whether an account may sign in.
public enum UserStatus: String, Sendable, Codable, CaseIterable {
    case active, suspended, deleted
}
