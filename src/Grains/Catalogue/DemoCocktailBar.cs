using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Menu;
using InventoryProFlow.Grains.Stock;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>
/// The demo's cocktail bar: thirty recipes and their POS items, sixteen weeks of nightly POS depletion by volume, a
/// delivery after each Monday count, and weekly count sessions counted in tenths, as a bartender counts. The counts tell
/// a story: a heavy-handed bartender over-pours the tequila by about a fifth, one week a bottle of single malt walks out,
/// and everything else loses the usual splash. So `make run` opens on a variance report with the tequila at the top.
/// </summary>
public static class DemoCocktailBar
{
    public const string LocationName = "Three Rivers — The Copper Still";

    private const int Seed = 20261207;
    private const int Weeks = DemoHistory.Weeks;
    private const string HeavyHanded = "tequila";
    private const decimal HeavyHandedShare = 0.22m;
    private const string WalkedOut = "single malt";
    private const int WalkedOutWeek = 9;

    // The spirits the bar pours, by the demo catalogue's subcategory.
    private static readonly Dictionary<string, string> Shelf = new(StringComparer.Ordinal)
    {
        ["vodka"] = "AMERICAN VODKAS",
        ["premium vodka"] = "IMPORTED VODKAS",
        ["tequila"] = "100% AGAVE TEQUILA",
        ["mezcal"] = "MEZCAL",
        ["white rum"] = "WHITE RUM",
        ["spiced rum"] = "SPICED RUM",
        ["dark rum"] = "AGED DARK RUM",
        ["gin"] = "IMPORTED DRY GINS",
        ["bourbon"] = "STRAIGHT BOURBON WHISKIES",
        ["rye"] = "STRAIGHT RYE WHISKIES",
        ["scotch"] = "SCOTCH WHISKIES",
        ["single malt"] = "SINGLE MALT SCOTCH",
        ["irish"] = "IRISH WHISKIES",
        ["brandy"] = "AMERICAN BRANDIES",
        ["triple sec"] = "TRIPLE SEC",
        ["coffee liqueur"] = "COFFEE LIQUEURS",
        ["cream liqueur"] = "CREAM LIQUEURS",
        ["red wine"] = "RED WINE",
        ["white wine"] = "WHITE WINE",
    };

    // Name, pours (spirit, US fl oz), untracked ingredients, price, drinks a night.
    private static readonly (string Name, (string Spirit, decimal Oz)[] Pours, string[] Untracked, decimal Price, double Nightly)[] Cocktails =
    [
        ("Margarita", [("tequila", 2m), ("triple sec", 1m)], ["Lime juice"], 12m, 14),
        ("Paloma", [("tequila", 2m)], ["Grapefruit soda"], 11m, 5),
        ("Tequila Sunrise", [("tequila", 1.5m)], ["Orange juice", "Grenadine"], 10m, 3),
        ("Mezcal Negroni", [("mezcal", 1m)], ["Campari", "Sweet vermouth"], 14m, 2),
        ("Moscow Mule", [("vodka", 2m)], ["Ginger beer", "Lime juice"], 11m, 7),
        ("Cosmopolitan", [("vodka", 1.5m), ("triple sec", 0.5m)], ["Cranberry juice"], 12m, 4),
        ("Espresso Martini", [("vodka", 1.5m), ("coffee liqueur", 1m)], ["Espresso"], 14m, 6),
        ("White Russian", [("vodka", 2m), ("coffee liqueur", 1m)], ["Cream"], 11m, 2),
        ("Vodka Soda", [("vodka", 1.5m)], ["Soda water"], 8m, 6),
        ("Mojito", [("white rum", 2m)], ["Mint", "Lime juice", "Sugar"], 11m, 6),
        ("Daiquiri", [("white rum", 2m)], ["Lime juice", "Syrup"], 11m, 3),
        ("Cuba Libre", [("spiced rum", 2m)], ["Cola", "Lime"], 9m, 3),
        ("Dark 'n' Stormy", [("dark rum", 2m)], ["Ginger beer"], 11m, 2),
        ("Mai Tai", [("white rum", 1m), ("dark rum", 1m), ("triple sec", 0.5m)], ["Orgeat", "Lime juice"], 13m, 2),
        ("Long Island Iced Tea", [("vodka", 0.5m), ("gin", 0.5m), ("white rum", 0.5m), ("tequila", 0.5m), ("triple sec", 0.5m)], ["Cola"], 13m, 3),
        ("Gin & Tonic", [("gin", 2m)], ["Tonic water"], 10m, 6),
        ("Martini", [("gin", 2.5m)], ["Dry vermouth"], 13m, 2),
        ("Tom Collins", [("gin", 2m)], ["Lemon juice", "Soda water"], 11m, 2),
        ("Negroni", [("gin", 1m)], ["Campari", "Sweet vermouth"], 13m, 3),
        ("Old Fashioned", [("bourbon", 2m)], ["Bitters", "Sugar"], 13m, 7),
        ("Whiskey Sour", [("bourbon", 2m)], ["Lemon juice", "Egg white"], 12m, 4),
        ("Mint Julep", [("bourbon", 2.5m)], ["Mint", "Sugar"], 12m, 1),
        ("Boulevardier", [("bourbon", 1.5m)], ["Campari", "Sweet vermouth"], 13m, 1),
        ("Manhattan", [("rye", 2m)], ["Sweet vermouth", "Bitters"], 13m, 3),
        ("Rob Roy", [("scotch", 2m)], ["Sweet vermouth"], 12m, 1),
        ("Penicillin", [("scotch", 2m)], ["Honey ginger syrup", "Lemon juice"], 14m, 1),
        ("Irish Coffee", [("irish", 1.5m)], ["Coffee", "Cream"], 10m, 2),
        ("Sidecar", [("brandy", 1.5m), ("triple sec", 0.75m)], ["Lemon juice"], 12m, 1),
        ("Baileys on the Rocks", [("cream liqueur", 2m)], [], 9m, 2),
        ("Single Malt Neat", [("single malt", 2m)], [], 16m, 2),
    ];

    // Shots of the well and a glass of the house wines, each a POS item of its own.
    private static readonly (string Spirit, decimal Oz, decimal Price, double Nightly)[] Pours =
    [
        ("tequila", 1.5m, 8m, 4), ("vodka", 1.5m, 7m, 4), ("bourbon", 1.5m, 8m, 3), ("irish", 1.5m, 8m, 3),
        ("red wine", 5m, 10m, 6), ("white wine", 5m, 10m, 5),
    ];

    /// <summary>Writes the bar's menu, history, counts and stock inside the seed's transaction; answers its ledger rows.</summary>
    public static async Task<int> Write(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organizationId, Guid locationId,
        IReadOnlyList<DemoStockedProduct> catalogue, Guid managerId, Func<Guid> newId, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var shelf = Shelf.ToDictionary(s => s.Key, s => Pick(catalogue, s.Value), StringComparer.Ordinal);
        var menu = Menu(organizationId, shelf, newId, now);
        await WriteMenu(connection, transaction, menu, cancellationToken);

        var start = now.Date.AddDays(-7 * Weeks);
        var products = shelf.Values.Distinct().ToList();
        var spiritOf = shelf.GroupBy(s => s.Value.Id).ToDictionary(g => g.Key, g => g.First().Key);
        var stock = products.ToDictionary(p => p.Id, _ => new Measure(0m, 0m));
        var usage = products.ToDictionary(p => p.Id, _ => 0m);
        var par = products.ToDictionary(p => p.Id, p => Par(menu, p));
        var rows = new List<LedgerEntry>();
        var sessions = new List<(CountSession Session, List<CountLine> Lines)>();

        LedgerEntry Row(DemoStockedProduct p, string type, Measure moved, DateTime at, decimal? unitCost, decimal? amount, Guid movementId, Guid? by) => new()
        {
            Id = newId(),
            MovementId = movementId,
            Type = type,
            LocationId = locationId,
            ProductId = p.Id,
            Sku = p.Sku,
            Quantity = moved.Quantity,
            VolumeMl = moved.VolumeMl,
            UnitCost = unitCost,
            UnitPrice = StockRules.UnitPriceOf(amount, moved.Quantity),
            TotalAmount = amount ?? StockRules.LineTotal(unitCost, moved.Quantity),
            UserId = by,
            SupplierId = type == MovementTypes.Purchase ? p.SupplierId : null,
            OccurredAt = at,
            RecordedAt = at,
        };

        for (var week = 0; week <= Weeks; week++)
        {
            var snapshot = start.AddDays(7 * week).AddHours(10);
            if (snapshot > now)
            {
                break;
            }

            // The Monday count, in tenths of a bottle: the week's usual splash, the heavy pour, the bottle that walked out.
            var session = new CountSession(
                newId(), organizationId, locationId, $"Monday count {snapshot:yyyy-MM-dd}", snapshot, CountSessionStatus.Completed,
                [new CountArea("Back bar", 0, snapshot, managerId), new CountArea("Well", 1, snapshot, managerId), new CountArea("Cellar", 2, snapshot, managerId)],
                [], managerId, snapshot, snapshot.AddMinutes(40), managerId, newId());
            var lines = new List<CountLine>();
            foreach (var p in products)
            {
                var size = p.SizeMl!.Value;
                var spirit = spiritOf[p.Id];
                var lost = week == 0 ? 0m
                    : usage[p.Id] * (spirit == HeavyHanded ? HeavyHandedShare : 0.01m + (decimal)random.NextDouble() * 0.02m)
                      + (spirit == WalkedOut && week == WalkedOutWeek ? size : 0m);
                var expected = week == 0 ? (par[p.Id] + random.Next(1, 4)) * size : stock[p.Id].VolumeMl!.Value;
                var tenths = Math.Max(0m, Math.Round((expected - lost) / size, 1, MidpointRounding.AwayFromZero));
                var counted = new Measure(tenths, tenths * size);
                lines.Add(new CountLine(AreaOf(spirit), p.Id, lines.Count, counted.Quantity, counted.VolumeMl, managerId, snapshot.AddMinutes(20)));
                rows.Add(Row(p, MovementTypes.Count, new Measure(counted.Quantity - stock[p.Id].Quantity, counted.VolumeMl - stock[p.Id].VolumeMl), snapshot,
                    p.Cost, null, session.MovementId!.Value, managerId));
                stock[p.Id] = counted;
                usage[p.Id] = 0m;
            }

            sessions.Add((session, lines));

            // The delivery an hour after the count brings each bottle back up to par, in whole bottles.
            var delivery = newId();
            foreach (var p in products.Where(p => stock[p.Id].Quantity < par[p.Id]))
            {
                var bottles = Math.Ceiling(par[p.Id] - stock[p.Id].Quantity);
                var received = new Measure(bottles, bottles * p.SizeMl!.Value);
                rows.Add(Row(p, MovementTypes.Purchase, received, snapshot.AddHours(1), p.Cost, null, delivery, managerId));
                stock[p.Id] = new Measure(stock[p.Id].Quantity + received.Quantity, stock[p.Id].VolumeMl + received.VolumeMl);
            }

            // Seven nights of trade (22:00 to 04:00 UTC, the evening in Des Moines), up to now.
            for (var night = 0; night < 7; night++)
            {
                var closeOfNight = snapshot.Date.AddDays(night).AddHours(27).AddMinutes(30);
                if (closeOfNight > now)
                {
                    break;
                }

                var busy = snapshot.Date.AddDays(night).DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday ? 1.6 : 1.0;
                var sold = new Dictionary<Guid, (decimal Quantity, decimal VolumeMl, decimal Amount)>();
                foreach (var item in menu.PosItems)
                {
                    var drinks = DemoHistory.Poisson(random, busy * Nightly(item));
                    for (var d = 0; d < drinks; d++)
                    {
                        var modifiers = item.ProductId is not null && random.NextDouble() < 0.2 ? new[] { "DBL" } : [];
                        var depletion = menu.Deplete(locationId, new PosLine(item.PosItemId, modifiers, 1m))!;
                        foreach (var line in DepletionLines.Of(depletion, Price(item), 1m))
                        {
                            var p = products.First(x => x.Id == line.ProductId);
                            var moved = new Container(StockUnits.Bottle, p.SizeMl).Measured(null, line.VolumeMl);
                            var so = sold.GetValueOrDefault(p.Id);
                            sold[p.Id] = (so.Quantity + moved.Quantity, so.VolumeMl + moved.VolumeMl!.Value, so.Amount + line.Amount!.Value);
                        }
                    }
                }

                var movement = newId();
                foreach (var (productId, total) in sold)
                {
                    var p = products.First(x => x.Id == productId);
                    var moved = new Measure(-total.Quantity, -total.VolumeMl);
                    rows.Add(Row(p, MovementTypes.Sale, moved, closeOfNight, null, total.Amount, movement, null));
                    stock[p.Id] = new Measure(stock[p.Id].Quantity + moved.Quantity, stock[p.Id].VolumeMl + moved.VolumeMl);
                    usage[p.Id] += total.VolumeMl;
                }
            }
        }

        await LedgerColumns.Copy(connection, organizationId, rows, cancellationToken);
        await WriteCounts(connection, transaction, sessions);
        await connection.ExecuteAsync(
            "INSERT INTO app.inventory (id, organization_id, location_id, product_id, quantity, volume_ml, par_level, reorder_point, last_count_date, last_counted_by, created_at, updated_at) " +
            "VALUES (@Id, @OrganizationId, @LocationId, @ProductId, @Quantity, @VolumeMl, @Par, @ReorderPoint, @Counted, @CountedBy, @At, @At)",
            products.Select(p => new
            {
                Id = newId(),
                OrganizationId = organizationId,
                LocationId = locationId,
                ProductId = p.Id,
                stock[p.Id].Quantity,
                stock[p.Id].VolumeMl,
                Par = par[p.Id],
                ReorderPoint = Math.Ceiling(par[p.Id] / 2),
                Counted = sessions[^1].Session.SnapshotAt,
                CountedBy = managerId,
                At = now,
            }),
            transaction);
        return rows.Count;
    }

    // A bottle a bar would pour: the catalogue's 750 ml (or nearest) of that kind, the cheaper first.
    private static DemoStockedProduct Pick(IReadOnlyList<DemoStockedProduct> catalogue, string subcategory) =>
        catalogue.Where(p => p.Subcategory == subcategory && p.SizeMl >= 700)
            .OrderBy(p => Math.Abs(p.SizeMl!.Value - 750m)).ThenBy(p => p.Cost).ThenBy(p => p.Sku, StringComparer.Ordinal)
            .First();

    private static MenuBook Menu(Guid organizationId, Dictionary<string, DemoStockedProduct> shelf, Func<Guid> newId, DateTime now)
    {
        var shot = new ServingSize(newId(), organizationId, "Shot", Container.Millilitres(1.5m), now, now);
        var glass = new ServingSize(newId(), organizationId, "Wine glass", Container.Millilitres(5m), now, now);
        var recipes = Cocktails.Select(c => new Recipe(
            newId(), organizationId, c.Name,
            c.Pours.Select(p => new Ingredient(shelf[p.Spirit].Id, VolumeMl: Container.Millilitres(p.Oz))).Concat(c.Untracked.Select(u => new Ingredient(Name: u))).ToList(),
            now, now)).ToList();
        var items = recipes.Select((r, i) => new PosItemMapping(newId(), organizationId, null, $"C-{i + 1:00}", r.Name, r.Id, null, null, null, null, now, now))
            .Concat(Pours.Select(p => new PosItemMapping(
                newId(), organizationId, null, PourId(p.Spirit), $"{Title(p.Spirit)} {(p.Oz == 5m ? "glass" : "shot")}",
                null, shelf[p.Spirit].Id, null, p.Oz == 5m ? glass.Id : shot.Id, null, now, now)))
            .ToList();
        var modifiers = new[]
        {
            new PosModifierRule(newId(), organizationId, "DBL", "Double", ModifierActions.Multiply, 2m, null, null, null, null, now, now),
            new PosModifierRule(newId(), organizationId, "ROCKS", "On the rocks", ModifierActions.SetSize, null, Container.Millilitres(2m), null, null, null, now, now),
            new PosModifierRule(newId(), organizationId, "NOICE", "No ice", ModifierActions.Ignore, null, null, null, null, null, now, now),
            new PosModifierRule(newId(), organizationId, "PREMIUM-VODKA", "Premium vodka", ModifierActions.Substitute, null, null, null,
                shelf["premium vodka"].Id, shelf["vodka"].Id, now, now),
        };
        return new MenuBook(
            new Dictionary<Guid, ServingSize> { [shot.Id] = shot, [glass.Id] = glass },
            recipes.ToDictionary(r => r.Id), items, modifiers.ToDictionary(m => m.PosModifierId));
    }

    private static async Task WriteMenu(NpgsqlConnection connection, NpgsqlTransaction transaction, MenuBook menu, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "INSERT INTO app.serving_sizes (id, organization_id, name, volume_ml, created_at, updated_at) VALUES (@Id, @OrganizationId, @Name, @VolumeMl, @CreatedAt, @UpdatedAt)",
            menu.ServingSizes.Values, transaction);
        foreach (var recipe in menu.Recipes.Values)
        {
            await RecipeTable.Insert(connection, transaction, recipe);
        }

        await connection.ExecuteAsync(
            "INSERT INTO app.pos_items (id, organization_id, location_id, pos_item_id, name, recipe_id, product_id, volume_ml, serving_size_id, quantity, created_at, updated_at) " +
            "VALUES (@Id, @OrganizationId, @LocationId, @PosItemId, @Name, @RecipeId, @ProductId, @VolumeMl, @ServingSizeId, @Quantity, @CreatedAt, @UpdatedAt)",
            menu.PosItems, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO app.pos_modifiers (id, organization_id, pos_modifier_id, name, action, factor, volume_ml, serving_size_id, product_id, replaces_product_id, created_at, updated_at) " +
            "VALUES (@Id, @OrganizationId, @PosModifierId, @Name, @Action, @Factor, @VolumeMl, @ServingSizeId, @ProductId, @ReplacesProductId, @CreatedAt, @UpdatedAt)",
            menu.Modifiers.Values, transaction);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task WriteCounts(NpgsqlConnection connection, NpgsqlTransaction transaction, List<(CountSession Session, List<CountLine> Lines)> sessions)
    {
        await connection.ExecuteAsync(
            "INSERT INTO app.count_sessions (id, organization_id, location_id, name, snapshot_at, status, created_by, created_at, completed_at, completed_by, movement_id) " +
            "VALUES (@Id, @OrganizationId, @LocationId, @Name, @SnapshotAt, @Status, @CreatedBy, @CreatedAt, @CompletedAt, @CompletedBy, @MovementId)",
            sessions.Select(s => s.Session), transaction);
        await connection.ExecuteAsync(
            "INSERT INTO app.count_areas (session_id, name, position, finished_at, finished_by) VALUES (@SessionId, @Name, @Position, @FinishedAt, @FinishedBy)",
            sessions.SelectMany(s => s.Session.Areas.Select(a => new { SessionId = s.Session.Id, a.Name, a.Position, a.FinishedAt, a.FinishedBy })), transaction);
        await connection.ExecuteAsync(
            "INSERT INTO app.count_lines (session_id, area, product_id, shelf_position, quantity, volume_ml, counted_by, counted_at) " +
            "VALUES (@SessionId, @Area, @ProductId, @ShelfPosition, @Quantity, @VolumeMl, @CountedBy, @CountedAt)",
            sessions.SelectMany(s => s.Lines.Select(l => new { SessionId = s.Session.Id, l.Area, l.ProductId, l.ShelfPosition, l.Quantity, l.VolumeMl, l.CountedBy, l.CountedAt })),
            transaction);
    }

    // Par: about a week and a half of what the menu pours of the bottle on an average night, in whole bottles, at least two.
    private static decimal Par(MenuBook menu, DemoStockedProduct product)
    {
        var nightlyMl = menu.PosItems.Sum(item => (menu.Deplete(Guid.Empty, new PosLine(item.PosItemId, [], 1m)) ?? [])
            .Where(d => d.ProductId == product.Id).Sum(d => d.VolumeMl ?? 0) * (decimal)Nightly(item));
        return Math.Max(2m, Math.Ceiling(nightlyMl * 1.15m * 7m * 1.5m / product.SizeMl!.Value));
    }

    private static double Nightly(PosItemMapping item) => Sells(item).Nightly;

    private static decimal Price(PosItemMapping item) => Sells(item).Price;

    // What the menu above says of a POS item: a cocktail by its name, a pour by its id.
    private static (decimal Price, double Nightly) Sells(PosItemMapping item)
    {
        foreach (var cocktail in Cocktails.Where(c => c.Name == item.Name))
        {
            return (cocktail.Price, cocktail.Nightly);
        }

        var pour = Pours.First(p => item.PosItemId == PourId(p.Spirit));
        return (pour.Price, pour.Nightly);
    }

    private static string PourId(string spirit) => $"P-{spirit.Replace(' ', '-').ToUpperInvariant()}";

    private static string AreaOf(string spirit) => spirit switch
    {
        "red wine" or "white wine" => "Cellar",
        "vodka" or "tequila" or "white rum" or "gin" or "triple sec" => "Well",
        _ => "Back bar",
    };

    private static string Title(string spirit) => char.ToUpperInvariant(spirit[0]) + spirit[1..];

}
