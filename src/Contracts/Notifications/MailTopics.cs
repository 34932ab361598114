using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Contracts.Notifications;

/// <summary>What the product mails about. Each user picks topics; until they do, their role decides.</summary>
public static class MailTopics
{
    /// <summary>A licence nearing or past its expiry date.</summary>
    public const string License = "license";

    /// <summary>A state or federal report nearing or past its due date, and the draft made for it.</summary>
    public const string Report = "report";

    /// <summary>Once a day per location: what is below par.</summary>
    public const string LowStock = "low_stock";

    /// <summary>A count that found stock missing beyond what the location usually sees.</summary>
    public const string Shrinkage = "shrinkage";

    public static IReadOnlyList<string> All { get; } = [License, Report, LowStock, Shrinkage];

    /// <summary>Admins and managers answer for licences, filings and stock, so they get everything; staff nothing unless they ask.</summary>
    public static IReadOnlyList<string> DefaultFor(string role) => role is Roles.Admin or Roles.Manager ? All : [];
}
