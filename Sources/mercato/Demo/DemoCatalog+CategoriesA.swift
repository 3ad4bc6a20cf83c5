// Word lists and introductions for the first four demo categories.
extension DemoCatalog {
    static let kitchenSpec = CategorySpec(
        slug: "kitchen", name: "Kitchen", skuPrefix: "KIT", nameStyle: .brandStyleFinishNoun,
        brands: ["Nordhavn", "Copperline", "Maison Verte", "Kova", "Saltbox"],
        styles: [
            "Classic", "Heritage", "Pro", "Everyday", "Artisan", "Signature", "Studio", "Farmhouse", "Bistro",
            "Essential", "Atelier", "Compact", "Provence", "Kyoto", "Nordic", "Trattoria", "Harvest", "Coastal",
        ],
        finishes: [
            "Walnut", "Olive Wood", "Copper", "Cast Iron", "Stainless Steel", "Enamel", "Ceramic", "Carbon Steel",
            "Bamboo", "Stoneware", "Acacia", "Tempered Glass", "Damascus Steel", "Marble", "Beech", "Porcelain",
        ],
        finishKey: "Material",
        nouns: [
            NounSpec(
                "Chef's Knife", 39, 189,
                finishes: "Walnut, Olive Wood, Carbon Steel, Stainless Steel, Damascus Steel, Acacia",
                details: "Blade length: 20 cm, 21 cm, 24 cm; Steel: VG-10, High-carbon stainless, German X50CrMoV15"),
            NounSpec(
                "Santoku Knife", 35, 159,
                finishes: "Walnut, Olive Wood, Carbon Steel, Stainless Steel, Damascus Steel, Acacia",
                details: "Blade length: 16 cm, 17 cm, 18 cm; Steel: VG-10, High-carbon stainless"),
            NounSpec(
                "Dutch Oven", 59, 329,
                finishes: "Cast Iron, Enamel, Stoneware, Copper",
                details: "Capacity: 3.8 L, 4.7 L, 5.5 L, 6.7 L; Induction compatible: Yes; Oven safe: Up to 250 °C"),
            NounSpec(
                "Frying Pan", 29, 149,
                finishes: "Cast Iron, Carbon Steel, Stainless Steel, Copper, Enamel",
                details: "Diameter: 20 cm, 24 cm, 28 cm, 30 cm; Induction compatible: Yes, No"),
            NounSpec(
                "Saucepan", 25, 129,
                finishes: "Stainless Steel, Copper, Enamel, Cast Iron",
                details: "Capacity: 1.5 L, 2 L, 2.8 L; Lid included: Yes"),
            NounSpec(
                "Cutting Board", 19, 89,
                finishes: "Walnut, Olive Wood, Bamboo, Acacia, Beech, Marble",
                details: "Dimensions: 40 × 28 cm, 45 × 30 cm, 50 × 35 cm; Juice groove: Yes, No"),
            NounSpec(
                "Salad Bowl", 19, 79,
                finishes: "Olive Wood, Acacia, Walnut, Ceramic, Stoneware, Tempered Glass, Bamboo",
                details: "Diameter: 25 cm, 28 cm, 32 cm"),
            NounSpec(
                "Utensil Set", 19, 69,
                finishes: "Olive Wood, Beech, Bamboo, Stainless Steel, Walnut, Acacia",
                details: "Pieces: 3, 4, 5, 6"),
            NounSpec(
                "Mortar and Pestle", 22, 69,
                finishes: "Marble, Stoneware, Olive Wood, Cast Iron, Porcelain",
                details: "Diameter: 12 cm, 15 cm, 18 cm"),
            NounSpec(
                "Pepper Mill", 15, 59,
                finishes: "Walnut, Beech, Olive Wood, Acacia, Stainless Steel, Copper, Ceramic",
                details: "Height: 14 cm, 18 cm, 22 cm; Grinder: Adjustable ceramic burr, Carbon steel burr"),
            NounSpec(
                "Measuring Cup Set", 9, 35,
                finishes: "Stainless Steel, Copper, Bamboo, Ceramic",
                details: "Pieces: 4, 5, 6"),
            NounSpec(
                "Mixing Bowl Set", 24, 89,
                finishes: "Stainless Steel, Stoneware, Tempered Glass, Ceramic, Enamel, Copper",
                details: "Pieces: 3, 4, 5; Capacity: 0.5–3 L, 1–4 L"),
            NounSpec(
                "Teapot", 19, 89,
                finishes: "Ceramic, Stoneware, Porcelain, Cast Iron, Tempered Glass",
                details: "Capacity: 0.6 L, 0.9 L, 1.2 L; Infuser included: Yes"),
            NounSpec(
                "French Press", 24, 99,
                finishes: "Stainless Steel, Tempered Glass, Copper, Ceramic",
                details: "Capacity: 0.35 L, 0.8 L, 1 L"),
        ],
        attributes: [
            AttributeSpec("Made in", ["Portugal", "Japan", "Germany", "France", "Sweden", "Italy"]),
            AttributeSpec("Dishwasher safe", ["Yes", "No", "Hand wash recommended"]),
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
            NounSpec(
                "Throw Blanket", 39, 149,
                details:
                    "Material: Wool, Cotton, Linen, Recycled cotton; Dimensions: 130 × 170 cm, 140 × 200 cm; "
                    + "Care: Machine washable at 30 °C, Hand wash"),
            NounSpec(
                "Cushion Cover", 15, 45,
                details:
                    "Material: Linen, Cotton velvet, Wool; Dimensions: 45 × 45 cm, 50 × 50 cm, 30 × 50 cm; "
                    + "Care: Machine washable at 30 °C"),
            NounSpec(
                "Table Lamp", 49, 229,
                details:
                    "Material: Ceramic base with linen shade, Oak and linen, Glass; Height: 38 cm, 45 cm, 52 cm; "
                    + "Bulb: E27 LED (included), E14 LED (included)"),
            NounSpec("Ceramic Vase", 19, 89, details: "Height: 18 cm, 24 cm, 32 cm; Watertight: Yes"),
            NounSpec(
                "Scented Candle", 12, 48,
                details: "Burn time: 35 hours, 50 hours, 60 hours; Wax: Soy, Rapeseed, Coconut and soy"),
            NounSpec(
                "Wall Mirror", 59, 249,
                details:
                    "Frame: Oak, Brass-finish steel, Rattan; Dimensions: 50 cm diameter, 60 × 90 cm, "
                    + "70 cm diameter"),
            NounSpec(
                "Bath Towel Set", 29, 99,
                details: "Material: Organic cotton, Cotton and linen; Pieces: 2, 4, 6; Weight: 500 gsm, 600 gsm"),
            NounSpec(
                "Duvet Cover", 59, 199,
                details:
                    "Material: Washed linen, Cotton percale, Cotton sateen; Size: Single, Double, King, "
                    + "Super king; Care: Machine washable at 40 °C"),
            NounSpec(
                "Storage Basket", 19, 69,
                details: "Material: Seagrass, Rattan, Cotton rope, Felt; Dimensions: 30 × 30 × 25 cm, 40 × 30 × 30 cm"),
            NounSpec("Doormat", 19, 59, details: "Material: Coir, Recycled rubber; Dimensions: 40 × 60 cm, 50 × 80 cm"),
            NounSpec(
                "Picture Frame", 12, 49,
                details: "Frame: Oak, Walnut, Aluminium; Print size: 13 × 18 cm, A4, 30 × 40 cm, 50 × 70 cm"),
            NounSpec(
                "Wool Rug", 79, 449,
                details:
                    "Dimensions: 120 × 170 cm, 160 × 230 cm, 200 × 300 cm; "
                    + "Pile: Flatweave, Low pile, Hand-tufted"),
            NounSpec(
                "Curtain Panel", 29, 119,
                details:
                    "Material: Linen, Cotton, Velvet; Dimensions: 140 × 230 cm, 140 × 260 cm; Lining: Unlined, "
                    + "Blackout, Thermal"),
            NounSpec("Bookend Set", 19, 59, details: "Material: Oak, Marble, Cast iron, Brass; Pieces: 2"),
        ],
        attributes: [
            AttributeSpec("Made in", ["Portugal", "India", "Lithuania", "Denmark", "Turkey", "Vietnam"]),
            AttributeSpec("Warranty", ["1 year", "2 years"]),
            AttributeSpec("Packaging", ["Plastic-free", "Recycled cardboard"]),
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
            "Potting Shed", "Everyday", "Greenhouse", "Hedgerow", "Kitchen Garden", "Walled Garden", "Courtyard",
            "Wildflower", "Harvest",
        ],
        finishes: [
            "Galvanised Steel", "Terracotta", "Cedar", "Stainless Steel", "Recycled Plastic", "Powder-Coated Steel",
            "Bamboo", "Ash Wood", "Zinc", "Rattan", "Willow", "Copper", "Carbon Steel", "Forged Steel", "Larch",
            "Glazed Ceramic", "Cast Iron",
        ],
        finishKey: "Material",
        nouns: [
            NounSpec(
                "Watering Can", 19, 69,
                finishes: "Galvanised Steel, Zinc, Copper, Recycled Plastic, Powder-Coated Steel",
                details: "Capacity: 2 L, 5 L, 9 L; Rose: Removable brass rose, Removable fine rose"),
            NounSpec(
                "Pruning Shears", 15, 59, plural: true,
                finishes: "Carbon Steel, Stainless Steel, Powder-Coated Steel, Forged Steel",
                details:
                    "Cutting capacity: 15 mm, 20 mm, 25 mm; Type: Bypass, Anvil; "
                    + "Spare parts: Blade and spring available"),
            NounSpec(
                "Raised Bed", 79, 329,
                finishes: "Cedar, Larch, Galvanised Steel, Recycled Plastic, Powder-Coated Steel",
                details:
                    "Dimensions: 120 × 60 × 30 cm, 180 × 90 × 40 cm, 100 × 100 × 50 cm; "
                    + "Assembly: Tools included, Slot-together with no tools"),
            NounSpec(
                "Plant Pot", 9, 79,
                finishes:
                    "Terracotta, Glazed Ceramic, Zinc, Recycled Plastic, Rattan, Willow, Copper, Galvanised Steel",
                details: "Diameter: 12 cm, 18 cm, 25 cm, 35 cm; Drainage hole: Yes, With plug"),
            NounSpec(
                "Hand Trowel", 9, 29,
                finishes: "Stainless Steel, Carbon Steel, Forged Steel, Copper, Ash Wood",
                details: "Length: 28 cm, 32 cm; Weight: 180 g, 240 g"),
            NounSpec(
                "Garden Kneeler", 19, 49,
                finishes: "Recycled Plastic, Powder-Coated Steel, Ash Wood",
                details: "Dimensions: 45 × 28 cm, 60 × 27 × 50 cm; Weight: 0.4 kg, 3.2 kg"),
            NounSpec(
                "Bird Feeder", 15, 69,
                finishes: "Cedar, Zinc, Copper, Galvanised Steel, Recycled Plastic, Bamboo, Larch",
                details: "Feeds: Seed, Peanuts, Fat balls; Mounting: Hanging, Pole-mounted, Wall bracket"),
            NounSpec(
                "Hose Reel", 39, 149,
                finishes: "Galvanised Steel, Powder-Coated Steel, Recycled Plastic, Stainless Steel",
                details: "Hose length: 20 m, 30 m, 45 m; Hose included: Yes, No"),
            NounSpec(
                "Compost Bin", 39, 159,
                finishes: "Recycled Plastic, Cedar, Larch, Galvanised Steel",
                details: "Capacity: 220 L, 330 L, 450 L; Assembly: Simple (about 10 minutes)"),
            NounSpec(
                "Seed Tray Set", 9, 29,
                finishes: "Recycled Plastic, Bamboo, Galvanised Steel, Cedar",
                details: "Pieces: 3, 5, 10; Cells per tray: 24, 40, 60"),
            NounSpec(
                "Trellis", 19, 89,
                finishes: "Willow, Bamboo, Cedar, Galvanised Steel, Powder-Coated Steel, Larch",
                details: "Dimensions: 180 × 60 cm, 180 × 90 cm, 120 × 30 cm; Fixings: Included"),
            NounSpec(
                "Planter Box", 29, 149,
                finishes: "Cedar, Larch, Zinc, Galvanised Steel, Rattan, Recycled Plastic, Terracotta, Glazed Ceramic",
                details:
                    "Dimensions: 60 × 20 × 20 cm, 80 × 30 × 30 cm, 100 × 40 × 40 cm; Drainage: Drainage holes, "
                    + "Liner included"),
            NounSpec(
                "Garden Bench", 129, 489,
                finishes: "Cedar, Larch, Ash Wood, Cast Iron, Powder-Coated Steel, Recycled Plastic",
                details: "Seats: 2, 3; Dimensions: 120 × 60 × 85 cm, 150 × 62 × 88 cm; Assembly: Tools included"),
            NounSpec(
                "Wheelbarrow", 69, 229,
                finishes: "Galvanised Steel, Powder-Coated Steel, Recycled Plastic",
                details: "Capacity: 85 L, 100 L, 120 L; Tyre: Pneumatic, Puncture-proof"),
        ],
        attributes: [
            AttributeSpec("Made in", ["United Kingdom", "Germany", "Sweden", "Poland", "Portugal"]),
            AttributeSpec("Weather resistant", ["Yes", "Frost-proof", "UV-stable"]),
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
            NounSpec(
                "2-Person Tent", 129, 449,
                details:
                    "Weight: 1.4 kg, 1.9 kg, 2.6 kg; Waterproof rating: 3,000 mm, 5,000 mm; Season: 3-season, "
                    + "4-season"),
            NounSpec(
                "4-Person Tent", 199, 649,
                details: "Weight: 4.2 kg, 5.8 kg, 7.5 kg; Waterproof rating: 3,000 mm, 5,000 mm; Season: 3-season"),
            NounSpec(
                "Sleeping Bag", 69, 299,
                details:
                    "Comfort rating: 10 °C, 5 °C, 0 °C, -5 °C; Fill: Recycled synthetic, "
                    + "Responsibly sourced down; Weight: 0.9 kg, 1.3 kg, 1.8 kg"),
            NounSpec(
                "Camping Stove", 39, 149,
                details:
                    "Fuel: Gas canister, Multi-fuel; Boil time (1 L): 3 minutes, 4 minutes; Weight: 85 g, 320 g, "
                    + "1.4 kg"),
            NounSpec(
                "Headlamp", 19, 69,
                details:
                    "Brightness: 300 lumens, 450 lumens, 600 lumens; Battery: Rechargeable (USB-C), 3 × AAA; "
                    + "Water resistance: IPX4, IPX7"),
            NounSpec(
                "Trekking Poles", 39, 149, plural: true,
                details:
                    "Material: Aluminium, Carbon fibre; Length: 100–135 cm, 110–140 cm; Weight (pair): 460 g, "
                    + "520 g"),
            NounSpec(
                "Daypack", 49, 159,
                details: "Capacity: 18 L, 22 L, 28 L; Weight: 650 g, 820 g; Hydration compatible: Yes"),
            NounSpec(
                "Insulated Bottle", 19, 45,
                details: "Capacity: 500 ml, 750 ml, 1 L; Keeps cold: 24 hours; Keeps hot: 12 hours"),
            NounSpec("Camp Chair", 29, 119, details: "Maximum load: 120 kg, 150 kg; Weight: 1.1 kg, 2.4 kg, 3.5 kg"),
            NounSpec(
                "Hammock", 29, 99,
                details:
                    "Maximum load: 150 kg, 200 kg; Material: Parachute nylon, Recycled polyester; "
                    + "Straps included: Yes"),
            NounSpec(
                "Rain Jacket", 79, 299,
                details:
                    "Waterproof rating: 10,000 mm, 20,000 mm; Sizes: XS–XXL, S–XL; "
                    + "Packable: Yes (into its own pocket)"),
            NounSpec(
                "Sleeping Mat", 39, 169,
                details: "R-value: 2.5, 3.5, 4.2; Thickness: 5 cm, 7.5 cm; Weight: 480 g, 690 g"),
            NounSpec(
                "Lantern", 19, 79,
                details:
                    "Brightness: 200 lumens, 350 lumens, 500 lumens; Battery: Rechargeable (USB-C), "
                    + "Solar and USB-C"),
            NounSpec("Cool Box", 49, 249, details: "Capacity: 25 L, 35 L, 50 L; Keeps ice: 3 days, 5 days"),
        ],
        attributes: [
            AttributeSpec("Recycled content", ["30%", "50%", "75%", "100%"]),
            AttributeSpec("Made in", ["Vietnam", "Portugal", "United Kingdom", "Taiwan"]),
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
}
