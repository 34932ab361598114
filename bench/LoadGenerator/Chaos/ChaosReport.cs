using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench.Chaos;

/// <summary>The fault run's figures as JSON (printed last by scripts/chaos.sh) and its checks as TAP (counted by `make test`).</summary>
public sealed class ChaosReport(
    ChaosSettings settings,
    IReadOnlyList<Uri> nodes,
    IReadOnlyDictionary<string, string> membership,
    Acknowledgements book,
    IReadOnlyList<FaultWindow> faults,
    LedgerFindings ledger,
    bool balancedByApi,
    double loadSeconds)
{
    private IReadOnlyList<(string Name, bool Ok, string Detail)>? _checks;

    public bool Passed => Checks().All(c => c.Ok);

    public JsonObject Summary()
    {
        var acknowledged = book.Acknowledged;
        return new JsonObject
        {
            ["acknowledged"] = ledger.Acknowledged,
            ["found"] = ledger.Found,
            ["duplicates"] = ledger.Duplicates,
            ["lost"] = ledger.Lost,
            ["halfTransfers"] = ledger.HalfTransfers,
            ["ledgerVerified"] = LedgerVerified,
            ["recoverySeconds"] = Round(faults.Count == 0 ? 0 : faults.Max(Recovery)),
            ["passed"] = Passed,
            ["sales"] = acknowledged.Count(a => a.Movement.Kind == "sale"),
            ["transfers"] = acknowledged.Count(a => a.Movement.Kind == "transfer"),
            ["partialMovements"] = ledger.PartialMovements,
            ["sent"] = book.Sent,
            ["unacknowledged"] = book.GaveUp,
            ["refused"] = book.Refused,
            ["serverErrors"] = book.ServerErrors,
            ["unavailable503"] = book.Unavailable,
            ["unavailableWithoutRetryAfter"] = book.UnavailableWithoutRetryAfter,
            ["tooManyRequests"] = book.TooManyRequests,
            ["transportErrors"] = book.TransportErrors,
            ["timeouts"] = book.Timeouts,
            ["replayed"] = book.Replayed,
            ["acknowledgedByNode"] = new JsonObject(nodes.Select((uri, i) =>
                KeyValuePair.Create(uri.ToString(), (JsonNode?)acknowledged.Count(a => a.Node == i)))),
            ["faults"] = new JsonArray(faults.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["what"] = f.Description,
                ["injectedAtSeconds"] = Round(f.InjectedAt),
                ["healedAtSeconds"] = Round(f.HealedAt),
                ["recoverySeconds"] = Round(Recovery(f)),
                ["recoveryFrom"] = f.RecoveryFromHeal ? "healed" : "injected",
                ["disturbed"] = Disturbed(f).Count(),
                ["disturbedByReturn"] = DisturbedByReturn(f),
                ["acknowledgedAfter"] = AcknowledgedAfter(f),
            }).ToArray()),
            ["loadSeconds"] = Round(loadSeconds),
            ["settings"] = new JsonObject
            {
                ["tills"] = settings.Tills,
                ["salesPerSecond"] = settings.SalesPerSecond,
                ["phaseSeconds"] = settings.PhaseSeconds,
                ["outageSeconds"] = settings.OutageSeconds,
                ["products"] = settings.Products,
            },
            ["membership"] = new JsonObject(membership.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
            ["samples"] = new JsonArray(book.Samples.Take(Passed ? 5 : 40).Select(s => (JsonNode)s).ToArray()),
        };
    }

    public string Tap()
    {
        var checks = Checks();
        var tap = new StringBuilder("TAP version 13\n").Append(CultureInfo.InvariantCulture, $"1..{checks.Count}\n");
        for (var i = 0; i < checks.Count; i++)
        {
            tap.Append(CultureInfo.InvariantCulture, $"{(checks[i].Ok ? "ok" : "not ok")} {i + 1} - chaos: {checks[i].Name} # {checks[i].Detail}\n");
        }

        var passed = checks.Count(c => c.Ok);
        return tap.Append(CultureInfo.InvariantCulture, $"# pass {passed}\n# fail {checks.Count - passed}\n# skipped 0\n").ToString();
    }

    private bool LedgerVerified => balancedByApi && ledger.UnbalancedItems == 0;

    private IReadOnlyList<(string Name, bool Ok, string Detail)> Checks() => _checks ??= BuildChecks();

    private List<(string Name, bool Ok, string Detail)> BuildChecks()
    {
        var byNode = nodes.Select((_, i) => book.Acknowledged.Count(a => a.Movement.Kind == "sale" && a.Node == i)).ToList();
        var outage = faults.FirstOrDefault(f => f.Name == "postgres");
        var outage503 = outage is null ? 0 : book.UnavailableAt.Count(at => at >= outage.InjectedAt && at <= outage.HealedAt + settings.PhaseSeconds);
        var checks = new List<(string, bool, string)>
        {
            ("sales went through every Api node", byNode.All(n => n > 0), $"sales acknowledged per node: {string.Join(", ", byNode)}"),
            ("all three faults happened", faults.Count == 3, string.Join(", ", faults.Select(f => f.Name))),
        };
        checks.AddRange(faults.Select(f => ($"sales acknowledged again after the {f.Name} fault", AcknowledgedAfter(f) > 0,
            $"{AcknowledgedAfter(f)} sent after it and acknowledged; recovery {Recovery(f):F1} s")));
        checks.AddRange(
        [
            ("every acknowledged movement is in the ledger", ledger.Lost == 0 && ledger.Acknowledged > 0, $"{ledger.Found} of {ledger.Acknowledged} found"),
            ("no movement applied twice", ledger.Duplicates == 0, $"{ledger.Duplicates} keys with more than one movement"),
            ("no half transfer and no partial sale", ledger.HalfTransfers == 0 && ledger.PartialMovements == 0,
                $"{ledger.HalfTransfers} half transfers, {ledger.PartialMovements} partial movements"),
            ("the ledger verifies", LedgerVerified, $"Api verification balanced: {balancedByApi}; items off their ledger sum: {ledger.UnbalancedItems}"),
            ("no 500 for anything", book.ServerErrors == 0, $"{book.ServerErrors} answers 5xx other than 503"),
            ("the outage answered 503 with Retry-After", outage503 > 0 && book.UnavailableWithoutRetryAfter == 0,
                $"{outage503} 503s during the outage, {book.UnavailableWithoutRetryAfter} without Retry-After"),
            ("every sale sent was acknowledged, none refused", book.GaveUp == 0 && book.Refused == 0, $"{book.GaveUp} given up, {book.Refused} refused"),
        ]);
        return checks;
    }

    /// <summary>
    /// Seconds from a kill to the last answer of a disturbed sale sent before the killed process was started again (the
    /// cluster carrying on without it; a sale stuck since the kill counts however late it comes back), or from PostgreSQL's
    /// return to the last disturbed answer after it. Disturbed: an acknowledgement that needed a resend or took over a
    /// second. Zero when nothing was disturbed.
    /// </summary>
    private double Recovery(FaultWindow fault)
    {
        var from = fault.RecoveryFromHeal ? fault.HealedAt : fault.InjectedAt;
        var last = Disturbed(fault).Select(a => a.AnsweredAt).DefaultIfEmpty(from).Max();
        return Math.Max(0, last - from);
    }

    private IEnumerable<Acknowledgement> Disturbed(FaultWindow fault)
    {
        var sentBefore = fault.RecoveryFromHeal ? fault.EndsAt : fault.HealedAt;
        return book.Acknowledged.Where(a => a.Troubled && a.AnsweredAt >= fault.InjectedAt && a.SentAt < sentBefore);
    }

    // The killed process coming back may disturb a few sales too (a new silo joining, a cold Api node): counted apart.
    private int DisturbedByReturn(FaultWindow fault) => fault.RecoveryFromHeal
        ? 0
        : book.Acknowledged.Count(a => a.Troubled && a.SentAt >= fault.HealedAt && a.AnsweredAt < fault.EndsAt);

    private int AcknowledgedAfter(FaultWindow fault)
    {
        var from = fault.RecoveryFromHeal ? fault.HealedAt : fault.InjectedAt;
        return book.Acknowledged.Count(a => a.Movement.Kind == "sale" && a.SentAt >= from && a.AnsweredAt < fault.EndsAt);
    }

    private static double Round(double value) => Math.Round(value, 2);
}
