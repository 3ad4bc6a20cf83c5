// Word lists and introductions for the middle four demo categories.
extension DemoCatalog {
    static let fitnessSpec = CategorySpec(
        slug: "fitness", name: "Fitness", skuPrefix: "FIT", nameStyle: .brandStyleNounInFinish,
        brands: ["Corevia", "Pulseform", "IronLeaf", "Kinetik", "Vitalo"],
        styles: [
            "Pro", "Studio", "Flex", "Balance", "Power", "Essential", "Elite", "Active", "Core", "Endurance", "Zen",
            "Motion",
        ],
        finishes: [
            "Black", "Slate", "Lilac", "Teal", "Coral", "Navy", "Sage", "Graphite", "Berry", "Sky Blue", "Charcoal",
            "Sand",
        ],
        finishKey: "Colour",
        nouns: [
            NounSpec(
                "Yoga Mat", 25, 119,
                details:
                    "Material: Natural rubber, TPE, Cork; Thickness: 4 mm, 5 mm, 6 mm; Dimensions: 183 × 61 cm, "
                    + "185 × 68 cm"),
            NounSpec(
                "Resistance Band Set", 15, 49,
                details: "Pieces: 3, 5; Resistance: 5–25 kg, 10–40 kg; Material: Natural latex, Woven fabric"),
            NounSpec(
                "Kettlebell", 29, 129,
                details: "Weight: 8 kg, 12 kg, 16 kg, 20 kg, 24 kg; Material: Cast iron, Vinyl-coated iron"),
            NounSpec(
                "Dumbbell Pair", 39, 199,
                details: "Weight: 2 × 2 kg, 2 × 5 kg, 2 × 10 kg; Material: Neoprene-coated iron, Rubber hex"),
            NounSpec("Foam Roller", 19, 59, details: "Length: 33 cm, 45 cm, 90 cm; Density: Soft, Medium, Firm"),
            NounSpec("Jump Rope", 9, 39, details: "Length: Adjustable up to 3 m; Handles: Aluminium, Foam grip"),
            NounSpec("Gym Bag", 29, 99, details: "Capacity: 25 L, 35 L, 45 L; Shoe compartment: Yes"),
            NounSpec(
                "Water Bottle", 12, 39,
                details: "Capacity: 500 ml, 750 ml, 1 L; Material: Stainless steel, Recycled plastic; Leak-proof: Yes"),
            NounSpec(
                "Yoga Block Set", 15, 39,
                details: "Pieces: 2; Material: Cork, EVA foam; Dimensions: 23 × 15 × 7.5 cm"),
            NounSpec("Ab Wheel", 15, 45, details: "Maximum load: 150 kg; Knee pad included: Yes"),
            NounSpec(
                "Pull-Up Bar", 29, 89,
                details:
                    "Fits doorways: 62–100 cm, 70–95 cm; Maximum load: 120 kg, 150 kg; "
                    + "Installation: No screws needed, Wall-mounted"),
            NounSpec(
                "Exercise Ball", 19, 49,
                details: "Diameter: 55 cm, 65 cm, 75 cm; Pump included: Yes; Anti-burst: Yes"),
            NounSpec(
                "Training Gloves", 15, 45, plural: true,
                details: "Sizes: S, M, L, XL; Material: Neoprene and leather, Breathable mesh; Wrist support: Yes, No"),
            NounSpec(
                "Ankle Weights", 19, 49, plural: true,
                details: "Weight: 2 × 0.5 kg, 2 × 1 kg, 2 × 2 kg; Adjustable: Yes"),
        ],
        attributes: [
            AttributeSpec("Suitable for", ["Beginners", "All levels", "Intermediate and advanced"]),
            AttributeSpec("Warranty", ["1 year", "2 years", "5 years"]),
        ],
        tags: ["fitness", "home gym", "yoga", "workout", "training", "wellness", "strength", "cardio"],
        benefits: [
            "grip securely, even during sweaty sessions", "fit neatly into a small flat", "stay gentle on your joints",
            "support everything from stretching to strength work", "wipe clean in seconds", "stay put on hard floors",
            "survive daily use", "make it easier to build a routine that sticks",
        ],
        uses: [
            "morning yoga", "home workouts", "HIIT sessions", "physio exercises", "gym days", "stretching after a run",
        ],
        highlights: [
            "Non-slip, sweat-resistant finish", "Compact and easy to store", "Free online workout guide",
            "Tested by personal trainers", "Free from PVC and latex", "Easy to clean", "Suitable for all levels",
            "30-day comfort guarantee",
        ],
        intro: """
            You do not need a gym membership to get stronger. The **Fitness** shop is stocked with compact, \
            well-made kit for working out at home: mats, kettlebells, bands, rollers and everything in between.

            We pick equipment that is *quiet, space-saving and easy to store*, because most of us train in a \
            living room rather than a warehouse. Every product page lists weights and dimensions, and our team of \
            trainers has tried everything we sell.
            """
    )

    static let audioSpec = CategorySpec(
        slug: "audio", name: "Audio", skuPrefix: "AUD", nameStyle: .brandStyleNounInFinish,
        brands: ["Sonora", "Auralis", "Bassline", "Echo & Vale", "Tonewood"],
        styles: [
            "Pulse", "Studio", "Wave", "Nova", "Aria", "Tempo", "Horizon", "Vibe", "Mono", "Lumen", "Cadence",
            "Drift",
        ],
        finishes: [
            "Matte Black", "Silver", "Midnight Blue", "Pearl White", "Walnut", "Graphite", "Rose Gold",
            "Forest Green", "Sand", "Crimson", "Slate", "Ivory",
        ],
        finishKey: "Colour",
        nouns: [
            NounSpec(
                "Wireless Headphones", 59, 399, plural: true,
                details:
                    "Battery life: 30 hours, 40 hours, 50 hours; Noise cancelling: Active, Passive; "
                    + "Connectivity: Bluetooth 5.3, Bluetooth 5.3 with multipoint; Weight: 250 g, 280 g, 310 g"),
            NounSpec(
                "Wireless Earbuds", 39, 249, plural: true,
                details:
                    "Battery life: 6 hours (24 with case), 8 hours (32 with case); Noise cancelling: Active, "
                    + "Passive; Water resistance: IPX4, IPX5"),
            NounSpec(
                "Bluetooth Speaker", 29, 299,
                details:
                    "Battery life: 12 hours, 20 hours, 24 hours; Water resistance: IP67, IPX5; Weight: 540 g, "
                    + "960 g"),
            NounSpec(
                "Bookshelf Speakers", 129, 699, plural: true,
                details:
                    "Driver size: 4 inch, 5.25 inch, 6.5 inch; Connectivity: Bluetooth and optical, "
                    + "RCA and HDMI eARC, Passive (needs an amplifier); Power: 2 × 30 W, 2 × 50 W"),
            NounSpec(
                "Turntable", 149, 799,
                details: "Speeds: 33⅓ and 45 rpm; Drive: Belt drive, Direct drive; Built-in preamp: Yes, Switchable"),
            NounSpec(
                "Soundbar", 129, 899,
                details:
                    "Channels: 2.1, 3.1, 5.1; Connectivity: HDMI eARC and optical, HDMI eARC and Wi-Fi; "
                    + "Width: 80 cm, 95 cm, 110 cm"),
            NounSpec(
                "Portable Radio", 29, 129,
                details: "Bands: DAB+ and FM, FM and AM; Battery life: 20 hours, 30 hours"),
            NounSpec(
                "Headphone Amplifier", 79, 399,
                details:
                    "Output power: 500 mW, 1 W, 2 W; Inputs: USB-C and RCA, RCA and 3.5 mm; "
                    + "Outputs: 6.35 mm and 4.4 mm balanced, 3.5 mm and 6.35 mm"),
            NounSpec(
                "Studio Monitors", 199, 899, plural: true,
                details:
                    "Driver size: 5 inch, 6.5 inch, 8 inch; Power: 2 × 50 W, 2 × 70 W; Inputs: XLR and TRS, "
                    + "RCA and TRS"),
            NounSpec(
                "Smart Speaker", 49, 249,
                details:
                    "Connectivity: Wi-Fi and Bluetooth, Wi-Fi with Bluetooth and Ethernet; "
                    + "Microphone mute: Physical switch"),
            NounSpec(
                "Over-Ear Headphones", 49, 349, plural: true,
                details:
                    "Type: Closed-back, Open-back; Impedance: 32 Ω, 80 Ω, 250 Ω; Cable: Detachable 1.5 m, "
                    + "Detachable 3 m"),
            NounSpec(
                "USB Microphone", 49, 249,
                details: "Pattern: Cardioid, Multi-pattern; Sample rate: 48 kHz, 96 kHz; Connection: USB-C"),
            NounSpec(
                "Party Speaker", 99, 499,
                details: "Power: 120 W, 200 W, 300 W; Battery life: 12 hours, 18 hours; Lights: Built-in light show"),
            NounSpec(
                "Record Cleaning Kit", 19, 59,
                details: "Pieces: 3, 5; Includes: Brush and fluid, Brush with fluid and stylus cleaner"),
        ],
        attributes: [
            AttributeSpec("Designed in", ["Denmark", "United Kingdom", "Germany", "Japan"]),
            AttributeSpec("Warranty", ["1 year", "2 years", "3 years"]),
        ],
        tags: ["audio", "music", "wireless", "hi-fi", "bluetooth", "podcast", "gift idea", "home cinema"],
        benefits: [
            "deliver rich, detailed sound at any volume", "pair in seconds and remember your devices",
            "last all day on a single charge", "keep the outside world at bay", "fill a room without distortion",
            "reward careful listening", "look smart on any shelf or desk", "make podcasts and calls crystal clear",
        ],
        uses: [
            "long commutes", "late-night listening", "working from home", "vinyl evenings", "movie nights",
            "house parties",
        ],
        highlights: [
            "Balanced, natural sound signature", "Fast USB-C charging", "Multipoint Bluetooth pairing",
            "Replaceable parts and battery", "Free firmware updates", "Two-year warranty as standard",
            "Recycled aluminium and plastics", "Tuned by our in-house audio team",
        ],
        intro: """
            Music sounds better on good gear. The **Audio** department has headphones, earbuds, speakers and \
            turntables chosen by people who listen for a living, from pocket-sized Bluetooth speakers to a proper \
            hi-fi for the living room.

            We care about *sound you can live with*: balanced tuning, honest battery figures and products that can \
            be repaired when a part wears out. If you are unsure which pair of headphones suits you, our team is \
            happy to help; just get in touch.
            """
    )

    static let shoesSpec = CategorySpec(
        slug: "shoes", name: "Shoes", skuPrefix: "SHO", nameStyle: .brandStyleNounInFinish,
        brands: ["Stride", "Pavé", "Hollis & Finch", "Kestrel", "Marlowe"],
        styles: [
            "Tempo", "Cloud", "Metro", "Classic", "Heritage", "Breeze", "Summit", "Harbour", "Avenue", "Glide",
            "Drift", "Meridian",
        ],
        finishes: [
            "Black", "White", "Tan", "Navy", "Charcoal", "Olive", "Burgundy", "Stone", "Cognac", "Sand", "Grey Marl",
            "Forest",
        ],
        finishKey: "Colour",
        nouns: [
            NounSpec(
                "Running Shoes", 59, 189, plural: true,
                details: "Upper: Recycled mesh, Engineered knit; Drop: 6 mm, 8 mm, 10 mm; Weight: 240 g, 280 g"),
            NounSpec(
                "Leather Sneakers", 79, 229, plural: true,
                details: "Upper: Full-grain leather, Nubuck; Sole: Stitched rubber cupsole"),
            NounSpec(
                "Chelsea Boots", 99, 299, plural: true,
                details:
                    "Upper: Full-grain leather, Suede; Sole: Commando lug, Leather with rubber insert; "
                    + "Construction: Goodyear welted, Blake stitched"),
            NounSpec(
                "Hiking Boots", 99, 279, plural: true,
                details:
                    "Upper: Nubuck, Leather and recycled mesh; Waterproof: Yes (membrane lined); "
                    + "Sole: Commando lug"),
            NounSpec(
                "Canvas Sneakers", 39, 99, plural: true,
                details: "Upper: Organic cotton canvas; Sole: Natural rubber"),
            NounSpec(
                "Loafers", 69, 219, plural: true,
                details: "Upper: Full-grain leather, Suede; Sole: Leather, Rubber"),
            NounSpec(
                "Sandals", 29, 119, plural: true,
                details: "Upper: Vegetable-tanned leather, Recycled webbing; Footbed: Cork, Moulded EVA"),
            NounSpec(
                "Slippers", 19, 69, plural: true,
                details: "Upper: Wool felt, Sheepskin, Recycled fleece; Sole: Suede, Rubber"),
            NounSpec(
                "Derby Shoes", 89, 259, plural: true,
                details: "Upper: Full-grain leather, Suede; Construction: Goodyear welted, Blake stitched"),
            NounSpec(
                "Trail Runners", 79, 199, plural: true,
                details: "Upper: Recycled mesh; Drop: 4 mm, 6 mm, 8 mm; Lug depth: 4 mm, 5 mm"),
            NounSpec(
                "Ankle Boots", 89, 249, plural: true,
                details: "Upper: Full-grain leather, Suede; Heel height: 3 cm, 5 cm"),
            NounSpec(
                "Espadrilles", 29, 79, plural: true,
                details: "Upper: Organic cotton canvas, Linen; Sole: Jute and rubber"),
            NounSpec(
                "Court Shoes", 59, 179, plural: true,
                details: "Upper: Leather, Suede; Heel height: 5 cm, 7 cm, 9 cm"),
            NounSpec(
                "Walking Shoes", 59, 159, plural: true,
                details: "Upper: Nubuck, Recycled mesh; Waterproof: Yes, No"),
        ],
        attributes: [
            AttributeSpec("Fit", ["True to size", "Runs small", "Runs large", "Wide fit available"]),
            AttributeSpec("Sizes", ["EU 36–46", "EU 38–47", "EU 35–42", "UK 3–12"]),
            AttributeSpec("Made in", ["Portugal", "Spain", "Italy", "Vietnam"]),
        ],
        tags: ["shoes", "footwear", "everyday", "leather", "comfort", "running", "casual", "sustainable"],
        benefits: [
            "feel broken-in from the very first wear", "support your feet through long days",
            "be resoled and worn for years", "go from office to weekend without missing a beat",
            "breathe well in warm weather", "keep their shape wear after wear", "cushion every step",
            "cope with city pavements and country lanes alike",
        ],
        uses: ["daily commutes", "long city walks", "weekend trails", "summer holidays", "the office", "evenings out"],
        highlights: [
            "Cushioned, removable insole", "Resoleable construction", "Responsibly tanned leather",
            "Free exchanges on sizes", "Made in family-run factories", "Grippy, long-wearing sole",
            "Breathable lining", "Comes with a cotton dust bag",
        ],
        intro: """
            Comfortable shoes change your whole day. The **Shoes** collection ranges from cushioned running shoes \
            and trail runners to leather sneakers, Chelsea boots and slippers for slow Sundays.

            We look for *honest construction*: stitched soles that can be replaced, leather from certified \
            tanneries and insoles you can take out and wash. Each product page has a fit note from our team, and \
            exchanges for a different size are always free.
            """
    )

    static let bagsSpec = CategorySpec(
        slug: "bags", name: "Bags", skuPrefix: "BAG", nameStyle: .brandStyleFinishNoun,
        brands: ["Wayfare", "Satchel & Stone", "Kinsley", "Packwell", "Arlo"],
        styles: [
            "Metro", "Voyager", "Weekend", "Classic", "Commuter", "Atlas", "Field", "Harbour", "Heritage", "Transit",
            "Nomad", "Studio",
        ],
        finishes: [
            "Waxed Canvas", "Full-Grain Leather", "Recycled Nylon", "Cotton Canvas", "Vegan Leather", "Ripstop",
            "Suede",
            "Ballistic Nylon", "Jute", "Wool Felt", "Cork", "Denim",
        ],
        finishKey: "Material",
        nouns: [
            NounSpec(
                "Backpack", 49, 229,
                details: "Capacity: 18 L, 22 L, 26 L; Laptop compartment: Fits 15-inch, Fits 16-inch"),
            NounSpec(
                "Tote Bag", 29, 149,
                details: "Capacity: 12 L, 18 L; Dimensions: 40 × 35 × 12 cm, 45 × 38 × 15 cm"),
            NounSpec(
                "Duffel Bag", 69, 249,
                details: "Capacity: 35 L, 45 L, 60 L; Dimensions: 55 × 30 × 25 cm, 60 × 32 × 30 cm"),
            NounSpec(
                "Messenger Bag", 59, 199,
                details: "Laptop compartment: Fits 13-inch, Fits 15-inch; Capacity: 12 L, 15 L"),
            NounSpec(
                "Laptop Sleeve", 25, 79,
                details: "Fits: 13-inch laptops, 14-inch laptops, 16-inch laptops; Padding: 5 mm foam"),
            NounSpec(
                "Crossbody Bag", 39, 159,
                details: "Dimensions: 24 × 16 × 6 cm, 28 × 20 × 8 cm; Strap: Adjustable, Detachable"),
            NounSpec("Wash Bag", 19, 59, details: "Dimensions: 24 × 14 × 12 cm; Lining: Water-resistant"),
            NounSpec("Card Holder", 15, 59, details: "Card slots: 4, 6; Dimensions: 10 × 7 cm"),
            NounSpec("Wallet", 25, 99, details: "Card slots: 6, 8, 12; Coin pocket: Yes, No"),
            NounSpec("Belt Bag", 25, 89, details: "Capacity: 1.5 L, 2.5 L; Strap: Adjustable"),
            NounSpec(
                "Briefcase", 99, 349,
                details: "Laptop compartment: Fits 15-inch, Fits 16-inch; Dimensions: 40 × 30 × 10 cm"),
            NounSpec(
                "Rolltop Backpack", 69, 199,
                details: "Capacity: 20–26 L, 24–30 L; Laptop compartment: Fits 15-inch, Fits 16-inch"),
            NounSpec(
                "Camera Bag", 49, 179,
                details:
                    "Fits: Mirrorless camera and 2 lenses, DSLR and 3 lenses; "
                    + "Dividers: Removable padded dividers"),
            NounSpec("Shopper", 19, 69, details: "Capacity: 15 L, 20 L; Folds into pocket: Yes, No"),
        ],
        attributes: [
            AttributeSpec("Colour", ["Black", "Tan", "Olive", "Navy", "Sand", "Charcoal"]),
            AttributeSpec("Made in", ["Portugal", "Italy", "United Kingdom", "Vietnam"]),
            AttributeSpec("Warranty", ["2 years", "5 years", "Lifetime"]),
        ],
        tags: ["bags", "travel", "commute", "everyday", "leather", "gift idea", "sustainable", "work"],
        benefits: [
            "carry everything you need without the bulk", "keep your laptop safe and dry",
            "age beautifully with every trip", "sit comfortably on your shoulder all day",
            "organise the small things so you can find them fast", "shrug off a sudden downpour",
            "fit under most airline seats", "work as hard on Monday as on holiday",
        ],
        uses: ["the daily commute", "weekend getaways", "business trips", "the school run", "city breaks", "gym days"],
        highlights: [
            "Padded, adjustable straps", "Water-resistant finish", "Lots of internal pockets",
            "Heavy-duty metal zips and solid brass hardware", "Made from recycled or natural materials",
            "Lifetime repair service", "Fits most airline cabin allowances", "Hand-finished edges",
        ],
        intro: """
            A good bag quietly makes life easier. Our **Bags** edit covers everyday backpacks, roomy totes, \
            weekenders and the small leather goods that keep your cards and keys in order.

            Look for *materials that age well*: waxed canvas, full-grain leather and tough recycled nylon. We \
            choose designs with sensible pockets, comfortable straps and hardware that will not let you down, \
            and many of them come with a lifetime repair promise.
            """
    )
}
