// Word lists and introductions for the last four demo categories.
extension DemoCatalog {
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
            NounSpec(
                "Wooden Train Set", 29, 129,
                details: "Age: 3 years+; Pieces: 24, 48, 80; Material: FSC-certified beech"),
            NounSpec(
                "Building Blocks", 19, 89, plural: true,
                details:
                    "Age: 12 months+, 18 months+; Pieces: 30, 50, 100; Material: FSC-certified beech, "
                    + "Recycled plastic"),
            NounSpec(
                "Jigsaw Puzzle", 9, 39,
                details: "Age: 5 years+, 8 years+, 12 years+; Pieces: 100, 500, 1000; Material: Recycled cardboard"),
            NounSpec(
                "Plush Bear", 12, 49,
                details: "Age: Birth+; Height: 25 cm, 35 cm; Material: Organic cotton; Machine washable: Yes"),
            NounSpec("Kite", 15, 49, details: "Age: 5 years+; Span: 90 cm, 120 cm; Line included: 30 m"),
            NounSpec(
                "Marble Run", 29, 119,
                details: "Age: 4 years+, 6 years+; Pieces: 60, 110, 160; Marbles included: 10, 20"),
            NounSpec(
                "Play Kitchen", 69, 249,
                details: "Age: 3 years+; Dimensions: 75 × 30 × 90 cm; Assembly: Tools included"),
            NounSpec("Stacking Rings", 9, 29, plural: true, details: "Age: 6 months+, 12 months+; Pieces: 6, 8"),
            NounSpec(
                "Doll's House", 79, 299,
                details: "Age: 3 years+; Floors: 2, 3; Furniture: 15 pieces included, Sold separately"),
            NounSpec("Science Kit", 19, 69, details: "Age: 8 years+, 10 years+; Experiments: 20, 35, 50"),
            NounSpec("Ride-On Car", 59, 199, details: "Age: 18 months+, 3 years+; Maximum load: 25 kg, 35 kg"),
            NounSpec(
                "Board Game", 19, 59,
                details: "Age: 6 years+, 8 years+, 10 years+; Players: 2–4, 2–6; Playing time: 20 minutes, 45 minutes"),
            NounSpec(
                "Art Easel", 39, 119,
                details:
                    "Age: 3 years+; Surfaces: Chalkboard and whiteboard, Paper roll and chalkboard; "
                    + "Adjustable height: Yes"),
            NounSpec("Xylophone", 15, 49, details: "Age: 12 months+, 18 months+; Keys: 8, 12; Mallets included: 2"),
        ],
        attributes: [
            AttributeSpec("Safety", ["EN 71 tested", "CE marked"]),
            AttributeSpec("Made in", ["Germany", "Sweden", "Poland", "Spain", "Vietnam"]),
            AttributeSpec("Packaging", ["Plastic-free", "Recycled cardboard"]),
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
            "Midnight", "Wandering", "Crimson", "Quiet", "Hollow", "Lantern", "Northern", "Secret", "Summer", "Velvet",
            "Broken", "Burning", "Painted",
        ],
        finishes: [
            "Orchard", "Harbour", "Cartographer", "Lighthouse", "Garden", "Kingdom", "Atlas", "Beekeeper", "Library",
            "Island", "River", "Observatory", "Bakery", "Compass", "Archive", "Botanist", "Tide", "Clockmaker",
            "Meadow", "Ferryman", "Cathedral", "Orchestra", "Glasshouse", "Shepherd",
        ],
        finishKey: nil,
        nouns: [
            NounSpec("A Novel", 12, 28),
            NounSpec("Stories", 12, 24),
            NounSpec("A Memoir", 14, 29),
            NounSpec("A Cookbook", 19, 45, details: "Recipes: 80, 100, 120; Photography: Full colour"),
            NounSpec("A Field Guide", 14, 35, details: "Species covered: 250, 400, 600; Format: Flexibound, Paperback"),
            NounSpec("Poems", 10, 22, details: "Pages: 80, 96, 112"),
            NounSpec(
                "An Illustrated History", 24, 59,
                details: "Illustrations: 150 colour images, 300 colour images; Format: Hardcover"),
            NounSpec("A Mystery", 10, 24),
            NounSpec("A Picture Book", 9, 19, details: "Pages: 32, 40; Reading age: 3–6 years, 4–8 years"),
            NounSpec("A Travel Guide", 14, 29, details: "Maps: 20, 35, 50; Edition: 2nd, 3rd, 4th"),
            NounSpec("Essays", 12, 26),
            NounSpec("A Graphic Novel", 14, 32, details: "Pages: 160, 224, 288; Colour: Full colour, Two-colour"),
        ],
        attributes: [
            AttributeSpec("Format", ["Hardcover", "Paperback", "Large print paperback", "Gift edition hardcover"]),
            AttributeSpec("Pages", ["192", "224", "256", "288", "320", "352", "416", "480"]),
            AttributeSpec("Language", ["English"]),
            AttributeSpec("Publication year", ["2019", "2020", "2021", "2022", "2023", "2024", "2025"]),
            AttributeSpec("Dimensions", ["13 × 20 cm", "15 × 23 cm", "19 × 25 cm"]),
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
            NounSpec(
                "Face Oil", 19, 69,
                details: "Volume: 15 ml, 30 ml; Skin type: All skin types, Dry, Sensitive, Combination, Oily"),
            NounSpec("Hand Cream", 9, 29, details: "Volume: 50 ml, 75 ml, 100 ml"),
            NounSpec("Body Wash", 9, 25, details: "Volume: 250 ml, 500 ml"),
            NounSpec("Lip Balm", 5, 15, details: "Weight: 4.5 g, 15 g"),
            NounSpec(
                "Face Serum", 24, 89,
                details: "Volume: 15 ml, 30 ml; Skin type: All skin types, Dry, Sensitive, Combination, Oily"),
            NounSpec(
                "Night Cream", 24, 79,
                details: "Volume: 30 ml, 50 ml; Skin type: All skin types, Dry, Sensitive, Combination, Oily"),
            NounSpec("Bath Salts", 12, 35, plural: true, details: "Weight: 300 g, 500 g, 1 kg"),
            NounSpec("Shampoo Bar", 9, 19, details: "Weight: 60 g, 90 g; Washes: About 60, About 80"),
            NounSpec("Body Lotion", 12, 39, details: "Volume: 200 ml, 250 ml, 400 ml"),
            NounSpec(
                "Cleansing Balm", 19, 49,
                details: "Volume: 50 ml, 100 ml; Skin type: All skin types, Dry, Sensitive, Combination, Oily"),
            NounSpec(
                "Eye Cream", 24, 69,
                details: "Volume: 15 ml; Skin type: All skin types, Dry, Sensitive, Combination, Oily"),
            NounSpec(
                "Clay Mask", 15, 45,
                details: "Volume: 50 ml, 75 ml; Skin type: All skin types, Dry, Sensitive, Combination, Oily"),
            NounSpec("Hair Oil", 15, 45, details: "Volume: 30 ml, 50 ml, 100 ml"),
            NounSpec("Room Spray", 15, 35, details: "Volume: 100 ml, 200 ml"),
        ],
        attributes: [
            AttributeSpec("Vegan", ["Yes"]),
            AttributeSpec("Cruelty free", ["Yes"]),
            AttributeSpec("Made in", ["France", "Sweden", "United Kingdom", "South Korea"]),
            AttributeSpec("Packaging", ["Recyclable glass", "Recyclable aluminium", "Refillable"]),
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
            NounSpec(
                "Dog Bed", 39, 179,
                details:
                    "Size: S, M, L, XL; Material: Recycled polyester, Cotton canvas; "
                    + "Machine washable: Removable cover"),
            NounSpec(
                "Cat Bed", 29, 99,
                details: "Diameter: 45 cm, 55 cm; Material: Wool felt, Recycled fleece; Machine washable: Yes"),
            NounSpec(
                "Dog Collar", 12, 39,
                details: "Size: XS, S, M, L; Material: Vegan leather, Recycled webbing, Bridle leather"),
            NounSpec(
                "Dog Lead", 15, 45,
                details: "Length: 1.2 m, 1.5 m, 2 m; Material: Recycled webbing, Rope, Bridle leather"),
            NounSpec("Harness", 24, 69, details: "Size: XS, S, M, L, XL; Reflective: Yes; Adjustable points: 2, 4"),
            NounSpec(
                "Food Bowl", 9, 39,
                details: "Capacity: 400 ml, 700 ml, 1.2 L; Material: Stainless steel, Ceramic; Dishwasher safe: Yes"),
            NounSpec(
                "Cat Scratcher", 19, 89,
                details: "Material: Sisal, Recycled cardboard; Height: 45 cm, 70 cm, 90 cm"),
            NounSpec(
                "Pet Carrier", 39, 149,
                details: "Maximum weight: 6 kg, 8 kg, 10 kg; Airline approved: Yes, Check with your airline"),
            NounSpec(
                "Chew Toy", 6, 19,
                details: "Material: Natural rubber; Size: S, M, L; Suitable for: Puppies, Adult dogs, Strong chewers"),
            NounSpec("Cat Tunnel", 15, 39, details: "Length: 90 cm, 120 cm; Collapsible: Yes"),
            NounSpec(
                "Grooming Brush", 9, 29,
                details: "Suitable for: Short coats, Long coats, All coats; Handle: Beech, Bamboo"),
            NounSpec("Travel Water Bottle", 12, 29, details: "Capacity: 350 ml, 500 ml, 650 ml; Leak-proof: Yes"),
            NounSpec(
                "Dog Coat", 29, 89,
                details: "Size: XS, S, M, L, XL; Waterproof: Yes, Water-resistant; Lining: Fleece, Unlined"),
            NounSpec(
                "Treat Pouch", 9, 25,
                details: "Capacity: 150 g of treats, 250 g of treats; Clip: Belt clip, Magnetic closure"),
        ],
        attributes: [
            AttributeSpec("Made in", ["Portugal", "United Kingdom", "Poland", "Vietnam"]),
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
