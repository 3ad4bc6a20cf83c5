// Word lists and introductions for the last six demo categories.
extension DemoCatalog {
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
            NounSpec("Running Shoes", 59, 189, plural: true), NounSpec("Leather Sneakers", 79, 229, plural: true),
            NounSpec("Chelsea Boots", 99, 299, plural: true), NounSpec("Hiking Boots", 99, 279, plural: true),
            NounSpec("Canvas Sneakers", 39, 99, plural: true), NounSpec("Loafers", 69, 219, plural: true),
            NounSpec("Sandals", 29, 119, plural: true), NounSpec("Slippers", 19, 69, plural: true),
            NounSpec("Derby Shoes", 89, 259, plural: true), NounSpec("Trail Runners", 79, 199, plural: true),
            NounSpec("Ankle Boots", 89, 249, plural: true), NounSpec("Espadrilles", 29, 79, plural: true),
            NounSpec("Court Shoes", 59, 179, plural: true), NounSpec("Walking Shoes", 59, 159, plural: true),
        ],
        attributes: [
            AttributeSpec(
                "Material",
                ["Full-grain leather", "Suede", "Recycled mesh", "Organic cotton canvas", "Vegan leather", "Nubuck"]),
            AttributeSpec("Sole", ["Rubber", "Natural crepe", "EVA foam", "Commando lug"]),
            AttributeSpec("Fit", ["True to size", "Runs small", "Runs large", "Wide fit"]),
            AttributeSpec("Sizes", ["EU 36–46", "EU 38–47", "EU 35–42", "UK 3–12"]),
            AttributeSpec("Waterproof", ["Yes", "No", "Water-resistant"]),
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
            "Cordura", "Jute", "Wool Felt", "Cork", "Denim",
        ],
        finishKey: "Material",
        nouns: [
            NounSpec("Backpack", 49, 229), NounSpec("Tote Bag", 29, 149), NounSpec("Duffel Bag", 69, 249),
            NounSpec("Messenger Bag", 59, 199), NounSpec("Laptop Sleeve", 25, 79), NounSpec("Crossbody Bag", 39, 159),
            NounSpec("Wash Bag", 19, 59), NounSpec("Card Holder", 15, 59), NounSpec("Wallet", 25, 99),
            NounSpec("Belt Bag", 25, 89), NounSpec("Briefcase", 99, 349), NounSpec("Rolltop Backpack", 69, 199),
            NounSpec("Camera Bag", 49, 179), NounSpec("Shopper", 19, 69),
        ],
        attributes: [
            AttributeSpec("Colour", ["Black", "Tan", "Olive", "Navy", "Sand", "Charcoal"]),
            AttributeSpec("Capacity", ["6 L", "12 L", "18 L", "24 L", "30 L", "40 L"]),
            AttributeSpec("Laptop compartment", ["Fits 13-inch", "Fits 15-inch", "Fits 16-inch", "No"]),
            AttributeSpec("Closure", ["Zip", "Magnetic snap", "Roll-top", "Drawstring", "Buckle"]),
            AttributeSpec("Dimensions", ["20 × 12 × 5 cm", "38 × 28 × 12 cm", "45 × 30 × 15 cm", "55 × 30 × 25 cm"]),
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
            "YKK zips and solid brass hardware", "Made from recycled or natural materials",
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

    static let toysSpec = CategorySpec(
        slug: "toys", name: "Toys", skuPrefix: "TOY", nameStyle: .brandStyleFinishNoun,
        brands: ["Tinkerly", "Little Harbour", "Bramble & Bean", "Wunderkit", "Pocket Circus"],
        styles: [
            "Deluxe", "Junior", "Classic", "Discovery", "Adventure", "Cosmic", "Starter", "Explorer", "Mini", "Grand",
            "Woodland", "Ocean",
        ],
        finishes: [
            "Rainbow", "Pastel", "Natural", "Bright", "Red", "Blue", "Yellow", "Mint", "Sunshine", "Berry", "Sky Blue",
            "Forest Green",
        ],
        finishKey: "Colour",
        nouns: [
            NounSpec("Wooden Train Set", 29, 129), NounSpec("Building Blocks", 19, 89, plural: true),
            NounSpec("Jigsaw Puzzle", 9, 39), NounSpec("Plush Bear", 12, 49), NounSpec("Kite", 15, 49),
            NounSpec("Marble Run", 29, 119), NounSpec("Play Kitchen", 69, 249),
            NounSpec("Stacking Rings", 9, 29, plural: true),
            NounSpec("Doll's House", 79, 299), NounSpec("Science Kit", 19, 69), NounSpec("Ride-On Car", 59, 199),
            NounSpec("Board Game", 19, 59), NounSpec("Art Easel", 39, 119), NounSpec("Xylophone", 15, 49),
        ],
        attributes: [
            AttributeSpec("Age", ["12 months+", "18 months+", "3 years+", "5 years+", "8 years+"]),
            AttributeSpec(
                "Material", ["FSC-certified beech", "Recycled plastic", "Organic cotton", "Cardboard", "Bamboo"]),
            AttributeSpec("Batteries", ["Not required", "2 × AA (not included)", "Rechargeable, USB-C"]),
            AttributeSpec("Pieces", ["12", "24", "48", "100", "250", "500", "1000"]),
            AttributeSpec("Safety", ["EN 71 tested", "CE marked"]),
        ],
        tags: ["toys", "kids", "gift idea", "educational", "wooden", "creative", "family", "play"],
        benefits: [
            "keep little hands busy for hours", "grow with your child", "survive years of enthusiastic play",
            "spark curiosity and imaginative games", "pack away neatly at bedtime", "get the whole family playing",
            "build fine motor skills without anyone noticing", "become a hand-me-down favourite",
        ],
        uses: [
            "rainy afternoons", "birthday presents", "family game nights", "nursery play", "long car journeys",
            "holidays",
        ],
        highlights: [
            "Safety tested to EN 71", "Non-toxic, water-based paints", "Plastic-free packaging",
            "Designed with early-years teachers", "Easy to wipe clean", "Built to be handed down",
            "Gift wrapping available", "No batteries needed",
        ],
        intro: """
            Play is serious business. The **Toys** shop is full of open-ended, long-lasting toys: wooden train sets, \
            building blocks, marble runs, puzzles and board games the whole family will actually want to play.

            We choose toys that are *safe, simple and sturdy*, made from sustainably sourced wood, recycled plastic \
            and organic cotton. Every product lists a recommended age, and all of it is tested to European toy \
            safety standards.
            """
    )

    static let booksSpec = CategorySpec(
        slug: "books", name: "Books", skuPrefix: "BOO", nameStyle: .bookTitle,
        brands: ["Larkspur Press", "Quayside Books", "Northlight Publishing", "Inkwell & Reed", "Harbourview House"],
        styles: [
            "Silent", "Amber", "Forgotten", "Last", "Hidden", "Golden", "Winter", "Salt", "Paper", "Distant", "Little",
            "Midnight", "Wandering", "Crimson", "Quiet", "Hollow", "Lantern", "Northern", "Secret", "Summer",
        ],
        finishes: [
            "Orchard", "Harbour", "Cartographer", "Lighthouse", "Garden", "Kingdom", "Atlas", "Beekeeper", "Library",
            "Island", "River", "Observatory", "Bakery", "Compass", "Archive", "Botanist", "Tide", "Clockmaker",
            "Meadow", "Ferryman",
        ],
        finishKey: nil,
        nouns: [
            NounSpec("A Novel", 12, 28), NounSpec("Stories", 12, 24), NounSpec("A Memoir", 14, 29),
            NounSpec("A Cookbook", 19, 45), NounSpec("A Field Guide", 14, 35), NounSpec("Poems", 10, 22),
            NounSpec("An Illustrated History", 24, 59), NounSpec("A Mystery", 10, 24),
            NounSpec("A Picture Book", 9, 19), NounSpec("A Travel Guide", 14, 29), NounSpec("Essays", 12, 26),
            NounSpec("A Graphic Novel", 14, 32),
        ],
        attributes: [
            AttributeSpec("Format", ["Hardcover", "Paperback", "Large print paperback", "Gift edition hardcover"]),
            AttributeSpec("Pages", ["192", "224", "256", "288", "320", "352", "416", "480"]),
            AttributeSpec("Language", ["English"]),
            AttributeSpec("Publication year", ["2019", "2020", "2021", "2022", "2023", "2024", "2025"]),
            AttributeSpec("Dimensions", ["13 × 20 cm", "15 × 23 cm", "19 × 25 cm"]),
            AttributeSpec("Illustrated", ["Yes", "No"]),
        ],
        tags: ["books", "reading", "gift idea", "book club", "bedside", "bestseller", "new release", "staff pick"],
        benefits: [
            "a luminous story about a family keeping secrets across three generations",
            "a warm, funny and surprising journey along a forgotten coastline",
            "a patient, beautifully observed portrait of a small town in a hard winter",
            "a clever, twisting puzzle that keeps you guessing until the final page",
            "a generous guide full of practical wisdom and lovely detail",
            "a tender exploration of friendship, grief and starting again",
            "a gripping account of an expedition that nearly went wrong",
            "a joyful celebration of the small rituals that make a life",
        ],
        uses: [
            "long train journeys", "book clubs", "rainy weekends", "holiday reading", "bedtime", "thoughtful gifts",
        ],
        highlights: [
            "Beautifully typeset and printed on FSC-certified paper", "A perfect gift for curious readers",
            "Signed bookplate while stocks last", "A staff pick at Mercato Demo Shop",
            "Discussion questions for book clubs at the back", "Printed and bound in Europe",
            "Sewn binding that lies flat", "Free bookmark with every copy",
        ],
        intro: """
            Every shelf needs a few surprises. The **Books** section is a small, carefully chosen list of novels, \
            memoirs, cookbooks, field guides and picture books from independent publishers we admire.

            Our booksellers read *everything* we stock, and each title comes with a short note on why we love it. \
            Looking for a gift? Tell us a little about the reader and we will suggest something they have not \
            heard of yet.
            """
    )

    static let beautySpec = CategorySpec(
        slug: "beauty", name: "Beauty", skuPrefix: "BEA", nameStyle: .brandStyleFinishNoun,
        brands: ["Lumen & Rye", "Solenne", "Botanica Nord", "Verdance", "Mirelle"],
        styles: [
            "Daily", "Radiance", "Calm", "Renew", "Pure", "Hydra", "Velvet", "Glow", "Botanical", "Overnight",
            "Gentle", "Revive",
        ],
        finishes: [
            "Rosehip", "Lavender", "Neroli", "Sandalwood", "Green Tea", "Bergamot", "Vanilla", "Cucumber", "Fig",
            "Eucalyptus", "Oat Milk", "Sea Salt",
        ],
        finishKey: "Key ingredient",
        nouns: [
            NounSpec("Face Oil", 19, 69), NounSpec("Hand Cream", 9, 29), NounSpec("Body Wash", 9, 25),
            NounSpec("Lip Balm", 5, 15), NounSpec("Face Serum", 24, 89), NounSpec("Night Cream", 24, 79),
            NounSpec("Bath Salts", 12, 35, plural: true), NounSpec("Shampoo Bar", 9, 19),
            NounSpec("Body Lotion", 12, 39),
            NounSpec("Cleansing Balm", 19, 49), NounSpec("Eye Cream", 24, 69), NounSpec("Clay Mask", 15, 45),
            NounSpec("Hair Oil", 15, 45), NounSpec("Room Spray", 15, 35),
        ],
        attributes: [
            AttributeSpec("Volume", ["15 ml", "30 ml", "50 ml", "100 ml", "250 ml", "500 ml"]),
            AttributeSpec("Skin type", ["All skin types", "Dry", "Oily", "Sensitive", "Combination"]),
            AttributeSpec("Vegan", ["Yes"]),
            AttributeSpec("Fragrance", ["Fragrance-free", "Lightly scented", "Essential oils only"]),
            AttributeSpec("Made in", ["France", "Sweden", "United Kingdom", "South Korea"]),
        ],
        tags: ["beauty", "skincare", "self care", "vegan", "natural", "gift idea", "cruelty free", "bath"],
        benefits: [
            "leave skin soft without feeling greasy", "turn an ordinary evening into a ritual",
            "calm and comfort dry, tired skin", "sink in quickly so you can get on with your day",
            "smell wonderful without being overpowering", "suit even sensitive skin",
            "make a small luxury part of every day", "work hard while you sleep",
        ],
        uses: [
            "morning routines", "long baths", "travel bags", "winter skin", "self-care Sundays", "thoughtful gifts",
        ],
        highlights: [
            "Vegan and cruelty free", "Dermatologically tested", "Recyclable glass and aluminium packaging",
            "Made in small batches", "No parabens or synthetic colours", "Refills available",
            "Suitable for sensitive skin", "Travel size available",
        ],
        intro: """
            Small rituals, done well. Our **Beauty** shelf is a short list of skincare, bath and body products from \
            independent makers who use *simple, effective ingredients* and keep the packaging recyclable.

            Everything here is vegan and cruelty free, and most of it comes in glass or aluminium rather than \
            plastic. If you have sensitive skin, look for the fragrance-free options, and patch test anything new.
            """
    )

    static let petsSpec = CategorySpec(
        slug: "pets", name: "Pets", skuPrefix: "PET", nameStyle: .brandStyleNounInFinish,
        brands: ["Pawsome", "Barkley & Co", "Whisker Lane", "Tailwind", "Good Boy Goods"],
        styles: [
            "Cosy", "Classic", "Adventure", "Deluxe", "Everyday", "Orthopaedic", "Cloud", "Urban", "Explorer",
            "Snug", "Heritage", "Play",
        ],
        finishes: [
            "Sage", "Charcoal", "Mustard", "Navy", "Blush", "Oatmeal", "Forest Green", "Rust", "Sky Blue", "Grey",
            "Tan", "Berry",
        ],
        finishKey: "Colour",
        nouns: [
            NounSpec("Dog Bed", 39, 179), NounSpec("Cat Bed", 29, 99), NounSpec("Dog Collar", 12, 39),
            NounSpec("Dog Lead", 15, 45), NounSpec("Harness", 24, 69), NounSpec("Food Bowl", 9, 39),
            NounSpec("Cat Scratcher", 19, 89), NounSpec("Pet Carrier", 39, 149), NounSpec("Chew Toy", 6, 19),
            NounSpec("Cat Tunnel", 15, 39), NounSpec("Grooming Brush", 9, 29), NounSpec("Travel Water Bottle", 12, 29),
            NounSpec("Dog Coat", 29, 89), NounSpec("Treat Pouch", 9, 25),
        ],
        attributes: [
            AttributeSpec("Size", ["XS", "S", "M", "L", "XL"]),
            AttributeSpec(
                "Material",
                ["Recycled polyester", "Natural rubber", "Cotton canvas", "Vegan leather", "Stainless steel", "Sisal"]),
            AttributeSpec("Machine washable", ["Yes", "No", "Removable cover"]),
            AttributeSpec("Suitable for", ["Dogs", "Cats", "Puppies", "Small and medium dogs", "Large dogs"]),
            AttributeSpec("Warranty", ["1 year", "2 years"]),
        ],
        tags: ["pets", "pet care", "cosy", "gift idea", "durable", "walkies", "play", "comfort"],
        benefits: [
            "stand up to chewing, scratching and muddy paws", "keep your pet warm and comfortable",
            "wash easily when things get messy", "look smart in any room", "make walks easier for both of you",
            "support older joints", "survive the zoomies", "give your pet a place to call their own",
        ],
        uses: ["daily walks", "long naps", "car journeys", "rainy days", "new puppies", "older pets"],
        highlights: [
            "Tested by our office dogs and cats", "Machine-washable cover", "Non-toxic materials",
            "Reflective stitching for dark evenings", "Made from recycled fabrics", "Chew-resistant construction",
            "Easy to clean", "Sizing guide on every page",
        ],
        intro: """
            For the most important members of the family. The **Pets** shop has beds, collars, leads, bowls and toys \
            for dogs and cats, all tested by our own office pets before they reach the shelf.

            We look for *tough, washable and comfortable*: covers that go in the machine, toys that survive the \
            first afternoon and harnesses that fit properly. Use the sizing guide on each page, and if it is not \
            quite right, exchanges are free.
            """
    )
}
