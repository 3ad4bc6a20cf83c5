// Word lists and introductions for the first six demo categories.
extension DemoCatalog {
    static let kitchenSpec = CategorySpec(
        slug: "kitchen", name: "Kitchen", skuPrefix: "KIT", nameStyle: .brandStyleFinishNoun,
        brands: ["Nordhavn", "Copperline", "Maison Verte", "Kova", "Saltbox"],
        styles: [
            "Classic", "Heritage", "Pro", "Everyday", "Artisan", "Signature", "Studio", "Farmhouse", "Bistro",
            "Essential", "Atelier", "Compact",
        ],
        finishes: [
            "Walnut", "Olive Wood", "Copper", "Cast Iron", "Stainless Steel", "Enamelled", "Ceramic", "Carbon Steel",
            "Bamboo", "Stoneware", "Acacia", "Tempered Glass",
        ],
        finishKey: "Material",
        nouns: [
            NounSpec("Chef's Knife", 39, 189), NounSpec("Santoku Knife", 35, 159), NounSpec("Dutch Oven", 59, 329),
            NounSpec("Frying Pan", 29, 149), NounSpec("Saucepan", 25, 129), NounSpec("Cutting Board", 19, 89),
            NounSpec("Salad Bowl", 19, 79), NounSpec("Utensil Set", 19, 69), NounSpec("Mortar and Pestle", 22, 69),
            NounSpec("Pepper Mill", 15, 59), NounSpec("Measuring Cup Set", 9, 35), NounSpec("Mixing Bowl Set", 24, 89),
            NounSpec("Teapot", 19, 89), NounSpec("French Press", 24, 99),
        ],
        attributes: [
            AttributeSpec("Dishwasher safe", ["Yes", "No", "Hand wash recommended"]),
            AttributeSpec("Made in", ["Portugal", "Japan", "Germany", "France", "Sweden", "Italy"]),
            AttributeSpec("Weight", ["180 g", "320 g", "650 g", "1.2 kg", "2.4 kg", "4.1 kg"]),
            AttributeSpec("Induction compatible", ["Yes", "No"]),
            AttributeSpec("Size", ["Small", "Medium", "Large", "One size"]),
            AttributeSpec("Warranty", ["2 years", "5 years", "10 years", "Lifetime"]),
        ],
        tags: ["cookware", "kitchen", "gift idea", "chef", "baking", "homeware", "durable", "everyday"],
        benefits: [
            "hold heat evenly from edge to centre", "keep a keen edge through months of daily prep",
            "clean up in seconds", "look as good on the table as on the hob", "feel balanced and sure in the hand",
            "last for decades rather than seasons", "develop a beautiful patina over time",
            "make everyday cooking feel a little more special",
        ],
        uses: [
            "weeknight dinners", "slow Sunday roasts", "weekend baking", "dinner parties", "meal prep",
            "small city kitchens",
        ],
        highlights: [
            "Made to last for decades of daily use", "Comfortable, balanced handling", "Easy to clean and care for",
            "Ships in plastic-free packaging", "Designed and tested by professional cooks",
            "Pairs beautifully with the rest of the range", "Gift-ready box included", "Replacement parts available",
        ],
        intro: """
            Good cooking starts with tools you trust. Our **kitchen** range brings together knives that hold \
            their edge, pans that heat evenly and boards, bowls and mills that look as good on the table as they \
            work at the counter.

            Every piece is chosen for *how it feels in daily use*: balanced handles, sensible weights and finishes \
            that age gracefully. Much of it is made by small workshops in Portugal, Japan and Sweden, and all of it \
            is built to be used, washed and used again for years.

            Not sure where to start? A good chef's knife, a heavy pan and a solid cutting board will cover nine \
            meals out of ten. Everything else is a pleasure.
            """
    )

    static let homeSpec = CategorySpec(
        slug: "home-living", name: "Home & Living", skuPrefix: "HOM", nameStyle: .brandStyleNounInFinish,
        brands: ["Hearth & Loom", "Stillwater", "Casa Alba", "Linnea", "Oakmere"],
        styles: [
            "Classic", "Coastal", "Nordic", "Heritage", "Studio", "Cosy", "Minimal", "Loft", "Cottage", "Atelier",
            "Haven", "Serene",
        ],
        finishes: [
            "Oat", "Sage", "Charcoal", "Terracotta", "Ivory", "Dusty Rose", "Slate Blue", "Ochre", "Forest Green",
            "Sand", "Graphite", "Clay",
        ],
        finishKey: "Colour",
        nouns: [
            NounSpec("Throw Blanket", 39, 149), NounSpec("Cushion Cover", 15, 45), NounSpec("Table Lamp", 49, 229),
            NounSpec("Ceramic Vase", 19, 89), NounSpec("Scented Candle", 12, 48), NounSpec("Wall Mirror", 59, 249),
            NounSpec("Bath Towel Set", 29, 99), NounSpec("Duvet Cover", 59, 199), NounSpec("Storage Basket", 19, 69),
            NounSpec("Doormat", 19, 59), NounSpec("Picture Frame", 12, 49), NounSpec("Wool Rug", 79, 449),
            NounSpec("Curtain Panel", 29, 119), NounSpec("Bookend Set", 19, 59),
        ],
        attributes: [
            AttributeSpec(
                "Material", ["Linen", "Cotton", "Wool", "Ceramic", "Oak", "Rattan", "Recycled polyester", "Glass"]),
            AttributeSpec("Dimensions", ["30 × 30 cm", "45 × 45 cm", "50 × 70 cm", "60 × 90 cm", "130 × 170 cm"]),
            AttributeSpec("Care", ["Machine washable at 30 °C", "Wipe clean", "Dry clean only", "Hand wash"]),
            AttributeSpec("Made in", ["Portugal", "India", "Lithuania", "Denmark", "Turkey", "Vietnam"]),
            AttributeSpec("Warranty", ["1 year", "2 years"]),
        ],
        tags: ["home", "decor", "cosy", "gift idea", "interior", "living room", "bedroom", "sustainable"],
        benefits: [
            "bring instant warmth to any room", "layer easily with what you already own", "soften with every wash",
            "add texture without adding clutter", "work as well in a rental as in a forever home",
            "catch the light beautifully", "make a thoughtful housewarming gift", "stay looking fresh for years",
        ],
        uses: [
            "living rooms", "guest bedrooms", "reading corners", "small apartments", "cosy winter evenings",
            "a quick seasonal refresh",
        ],
        highlights: [
            "Responsibly sourced materials", "Designed in-house, made in small batches", "Easy care",
            "Colours chosen to mix and match", "Plastic-free packaging", "Timeless shape that will not date",
            "Quality checked by hand", "Made in family-run workshops",
        ],
        intro: """
            A home should feel like *yours*. The **Home & Living** collection is full of small, considered pieces \
            (throws, cushions, lamps, vases and rugs) that add warmth and texture without shouting.

            We work with weavers, potters and makers who care about materials as much as we do: linen that softens \
            with every wash, wool that lasts for decades and glazes mixed by hand. Our colours are chosen to sit \
            happily together, so you can mix pieces across the range and build a room slowly.
            """
    )

    static let gardenSpec = CategorySpec(
        slug: "garden", name: "Garden", skuPrefix: "GAR", nameStyle: .brandStyleFinishNoun,
        brands: ["Greenmere", "Fernwood", "Thornfield", "Bloomcraft", "Wildacre"],
        styles: [
            "Heritage", "Classic", "Pro", "Cottage", "Allotment", "Compact", "Deluxe", "Orchard", "Meadow",
            "Potting Shed", "Everyday", "Greenhouse",
        ],
        finishes: [
            "Galvanised Steel", "Terracotta", "Cedar", "Stainless Steel", "Recycled Plastic", "Powder-Coated Steel",
            "Bamboo", "Ash Wood", "Zinc", "Rattan", "Willow", "Copper",
        ],
        finishKey: "Material",
        nouns: [
            NounSpec("Watering Can", 19, 69), NounSpec("Pruning Shears", 15, 59, plural: true),
            NounSpec("Raised Bed", 79, 329), NounSpec("Plant Pot", 9, 79), NounSpec("Hand Trowel", 9, 29),
            NounSpec("Garden Kneeler", 19, 49), NounSpec("Bird Feeder", 15, 69), NounSpec("Hose Reel", 39, 149),
            NounSpec("Compost Bin", 39, 159), NounSpec("Seed Tray Set", 9, 29), NounSpec("Trellis", 19, 89),
            NounSpec("Planter Box", 29, 149), NounSpec("Garden Bench", 129, 489), NounSpec("Wheelbarrow", 69, 229),
        ],
        attributes: [
            AttributeSpec("Capacity", ["2 L", "5 L", "9 L", "30 L", "120 L", "220 L"]),
            AttributeSpec("Weather resistant", ["Yes", "Frost-proof", "UV-stable"]),
            AttributeSpec(
                "Dimensions", ["20 × 20 × 18 cm", "40 × 25 × 30 cm", "120 × 60 × 30 cm", "150 × 55 × 85 cm"]),
            AttributeSpec("Weight", ["250 g", "600 g", "1.5 kg", "4 kg", "12 kg", "21 kg"]),
            AttributeSpec("Assembly", ["None required", "Tools included", "Simple, about 10 minutes"]),
            AttributeSpec("Warranty", ["2 years", "5 years", "10 years"]),
        ],
        tags: ["garden", "outdoor", "plants", "grow your own", "allotment", "gift idea", "durable", "eco"],
        benefits: [
            "stand up to frost, sun and clumsy boots", "make light work of the weekly jobs",
            "stay comfortable to use for hours", "look better with every season outdoors", "help your plants thrive",
            "store neatly when the season is over", "be repaired rather than replaced",
            "turn a small plot into a productive one",
        ],
        uses: ["balcony gardens", "allotments", "raised beds", "patio pots", "spring planting", "autumn tidy-ups"],
        highlights: [
            "Weatherproof and UV-stable", "Ergonomic design for less strain", "Repairable, with spare parts available",
            "Made with recycled materials where possible", "Tested by our own gardening team",
            "Easy to clean and store",
            "Suitable for beginners and old hands alike", "Ships flat-packed to cut emissions",
        ],
        intro: """
            Whether you tend a windowsill, a balcony or a proper plot, the **Garden** shop has the tools to make it \
            easier. We stock sturdy hand tools, watering cans that pour properly, planters that survive a hard frost \
            and feeders the birds actually use.

            Everything here has been *tested in real gardens* through at least one full season. We favour tools that \
            can be sharpened, oiled and repaired, and materials such as cedar, galvanised steel and recycled plastic \
            that shrug off the weather.
            """
    )

    static let outdoorSpec = CategorySpec(
        slug: "outdoor", name: "Outdoor", skuPrefix: "OUT", nameStyle: .brandStyleNounInFinish,
        brands: ["TrailPeak", "Northbound", "Cairnline", "Summit & Co", "Driftwood Outfitters"],
        styles: [
            "Ridge", "Alpine", "Basecamp", "Trail", "Ultralight", "Expedition", "Canyon", "Tundra", "Ranger",
            "Highland", "Coastline", "Voyager",
        ],
        finishes: [
            "Olive", "Slate", "Burnt Orange", "Glacier Blue", "Forest", "Sand", "Charcoal", "Moss", "Rust",
            "Storm Grey", "Pine", "Sunset",
        ],
        finishKey: "Colour",
        nouns: [
            NounSpec("2-Person Tent", 129, 449), NounSpec("4-Person Tent", 199, 649), NounSpec("Sleeping Bag", 69, 299),
            NounSpec("Camping Stove", 39, 149), NounSpec("Headlamp", 19, 69),
            NounSpec("Trekking Poles", 39, 149, plural: true), NounSpec("Daypack", 49, 159),
            NounSpec("Insulated Bottle", 19, 45), NounSpec("Camp Chair", 29, 119), NounSpec("Hammock", 29, 99),
            NounSpec("Rain Jacket", 79, 299), NounSpec("Sleeping Mat", 39, 169), NounSpec("Lantern", 19, 79),
            NounSpec("Cool Box", 49, 249),
        ],
        attributes: [
            AttributeSpec(
                "Material", ["Ripstop nylon", "Recycled polyester", "Aluminium", "Merino wool", "Stainless steel"]),
            AttributeSpec("Weight", ["210 g", "480 g", "950 g", "1.6 kg", "2.3 kg", "3.1 kg"]),
            AttributeSpec("Waterproof rating", ["IPX4", "2,000 mm", "3,000 mm", "5,000 mm", "10,000 mm"]),
            AttributeSpec("Season", ["3-season", "4-season", "All year"]),
            AttributeSpec("Packed size", ["18 × 12 cm", "35 × 18 cm", "45 × 20 cm", "55 × 25 cm"]),
            AttributeSpec("Warranty", ["2 years", "5 years", "Lifetime"]),
        ],
        tags: ["camping", "hiking", "outdoor", "lightweight", "adventure", "waterproof", "travel", "festival"],
        benefits: [
            "pack down small and weigh next to nothing", "shrug off wind and rain",
            "set up in minutes, even in the dark",
            "keep going long after the trail gets rough", "survive years of adventures", "be repaired in the field",
            "keep you comfortable when the temperature drops", "make weekends outdoors simpler",
        ],
        uses: [
            "weekend camping trips", "long-distance hikes", "festival season", "family campsites", "bikepacking",
            "wild swimming mornings",
        ],
        highlights: [
            "Lightweight, packable design", "Weather-tested in the Highlands", "Repair kit included",
            "Made with recycled fabrics", "Reflective details for low light", "Backed by a long warranty",
            "Field-repairable construction", "Compact stuff sack included",
        ],
        intro: """
            Get out there. The **Outdoor** range covers everything from a first night under canvas to a week on the \
            trail: tents, sleeping bags, stoves, headlamps and packs that earn their place in your kit.

            We test our gear *in proper weather*, not just in the showroom. Look for the weight and packed size on \
            every product page, and remember that most of what we sell can be repaired: ask us for spare parts \
            before you replace anything.

            New to camping? Start with a tent, a sleeping bag rated for the season and a good mat. Comfort at night \
            makes every day better.
            """
    )

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
            NounSpec("Yoga Mat", 25, 119), NounSpec("Resistance Band Set", 15, 49), NounSpec("Kettlebell", 29, 129),
            NounSpec("Dumbbell Pair", 39, 199), NounSpec("Foam Roller", 19, 59), NounSpec("Jump Rope", 9, 39),
            NounSpec("Gym Bag", 29, 99), NounSpec("Water Bottle", 12, 39), NounSpec("Yoga Block Set", 15, 39),
            NounSpec("Ab Wheel", 15, 45), NounSpec("Pull-Up Bar", 29, 89), NounSpec("Exercise Ball", 19, 49),
            NounSpec("Training Gloves", 15, 45, plural: true), NounSpec("Ankle Weights", 19, 49, plural: true),
        ],
        attributes: [
            AttributeSpec("Material", ["Natural rubber", "TPE", "Cast iron", "Neoprene", "Cork", "Recycled foam"]),
            AttributeSpec("Weight", ["0.5 kg", "1 kg", "4 kg", "8 kg", "12 kg", "16 kg"]),
            AttributeSpec("Size", ["S", "M", "L", "XL", "One size"]),
            AttributeSpec("Dimensions", ["183 × 61 cm", "45 × 15 cm", "30 × 10 cm", "65 cm diameter"]),
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
            NounSpec("Wireless Headphones", 59, 399, plural: true), NounSpec("Wireless Earbuds", 39, 249, plural: true),
            NounSpec("Bluetooth Speaker", 29, 299), NounSpec("Bookshelf Speakers", 129, 699, plural: true),
            NounSpec("Turntable", 149, 799), NounSpec("Soundbar", 129, 899), NounSpec("Portable Radio", 29, 129),
            NounSpec("Headphone Amplifier", 79, 399), NounSpec("Studio Monitors", 199, 899, plural: true),
            NounSpec("Smart Speaker", 49, 249), NounSpec("Over-Ear Headphones", 49, 349, plural: true),
            NounSpec("USB Microphone", 49, 249), NounSpec("Party Speaker", 99, 499),
            NounSpec("Record Cleaning Kit", 19, 59),
        ],
        attributes: [
            AttributeSpec("Battery life", ["12 hours", "20 hours", "30 hours", "40 hours", "Mains powered"]),
            AttributeSpec(
                "Connectivity",
                [
                    "Bluetooth 5.3", "Bluetooth 5.3, USB-C", "Wi-Fi, Bluetooth", "3.5 mm, Bluetooth",
                    "RCA, optical, HDMI eARC",
                ]
            ),
            AttributeSpec("Noise cancelling", ["Active", "Passive", "None"]),
            AttributeSpec("Driver size", ["10 mm", "40 mm", "50 mm", "4 inch", "6.5 inch"]),
            AttributeSpec("Weight", ["55 g", "250 g", "310 g", "1.1 kg", "4.6 kg"]),
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
}
