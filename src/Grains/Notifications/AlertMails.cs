using System.Globalization;
using System.Text;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Notifications;

namespace InventoryProFlow.Grains.Notifications;

/// <summary>The words of each mail: a subject that says what happened, the facts, a link to act on, and how to stop them.</summary>
public sealed class AlertMails(MailSettings settings)
{
    public OutgoingMail Compliance(ComplianceAlert alert)
    {
        var subject = alert.Kind switch
        {
            ComplianceAlertKinds.LicenseExpired => $"Licence expired: {alert.Subject}",
            ComplianceAlertKinds.LicenseExpiring when alert.DaysLeft <= 0 => $"Licence expires today: {alert.Subject}",
            ComplianceAlertKinds.LicenseExpiring => $"Licence expires in {Days(alert.DaysLeft)}: {alert.Subject}",
            ComplianceAlertKinds.ReportOverdue => $"Report overdue: {alert.Subject}",
            _ => $"Report due {alert.DueOn:yyyy-MM-dd}: {alert.Subject}",
        };
        var topic = alert.LicenseId is null ? MailTopics.Report : MailTopics.License;
        // A report alert whose period has a draft links straight to it: the manager reviews and submits it there.
        var (action, path) = alert switch
        {
            { ReportId: { } report } => ("Review the draft report", $"compliance?section=reports&report={report:D}"),
            { LicenseId: null } => ("Open the compliance screen", "compliance"),
            _ => ("Open the licence", "compliance"),
        };
        return new OutgoingMail(alert.OrganizationId, topic, $"compliance:{alert.Id:D}", subject, Body(alert.Message, action, path, topic), alert.RaisedAt);
    }

    public OutgoingMail Shrinkage(Guid organizationId, Guid entryId, ShrinkageAlert alert, string productName, string locationName, DateTime at)
    {
        var missing = alert.ExpectedUnits - alert.CountedUnits;
        var facts =
            $"A count of {productName} ({alert.Sku}) at {locationName} on {alert.CountedAt:yyyy-MM-dd HH:mm} UTC found {Units(alert.CountedUnits)} " +
            $"where the ledger expected {Units(alert.ExpectedUnits)}: {Units(missing)} missing, {alert.MoneyLost.ToString("0.00", CultureInfo.InvariantCulture)} at cost. " +
            $"That is beyond what this location usually sees (robust z-score {alert.RobustZ.ToString("0.0", CultureInfo.InvariantCulture)}).";
        return new OutgoingMail(
            organizationId, MailTopics.Shrinkage, $"shrinkage:{entryId:D}", $"Stock missing: {productName} at {locationName}",
            Body(facts, "See the variance report", "variance", MailTopics.Shrinkage), at);
    }

    public OutgoingMail LowStockDigest(Guid organizationId, Guid locationId, string locationName, DateOnly businessDay, IReadOnlyList<LowStockLine> lines, DateTime at)
    {
        var facts = new StringBuilder();
        facts.Append(CultureInfo.InvariantCulture, $"{Items(lines.Count)} at {locationName} below par on {businessDay:yyyy-MM-dd}:\n\n");
        foreach (var line in lines)
        {
            facts.Append(CultureInfo.InvariantCulture, $"- {line.Name} ({line.Sku}): {Units(line.Quantity)} on hand, par {Units(line.ParLevel)}\n");
        }

        return new OutgoingMail(
            organizationId, MailTopics.LowStock, $"low-stock:{locationId:D}:{businessDay:yyyy-MM-dd}",
            $"Below par at {locationName}: {Items(lines.Count)} ({businessDay:yyyy-MM-dd})",
            Body(facts.ToString().TrimEnd(), "Open the inventory", $"inventory?locationId={locationId:D}&lowStock=true", MailTopics.LowStock), at);
    }

    private string Body(string facts, string action, string path, string topic) =>
        $"{facts}\n\n{action}: {settings.Link(path)}\n\n-- \n" +
        $"You receive mail about \"{topic}\" from Inventory Pro Flow. Choose what you receive: {settings.Link("notifications")}\n";

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Items(int count) => count == 1 ? "1 product" : $"{count} products";

    private static string Units(decimal quantity) => quantity.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>One product below par in a location's digest.</summary>
public sealed record LowStockLine(Guid LocationId, string LocationName, string Timezone, string Sku, string Name, decimal Quantity, decimal ParLevel);
