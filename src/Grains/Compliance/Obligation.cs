namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// One filing a licensee owes: the form, whom it goes to under which rule, the period it covers and the day it is
/// due after the form's own weekend and holiday rule. <paramref name="DueRule"/> says that rule in words.
/// </summary>
public sealed record Obligation(
    string Form, string Title, string Authority, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, string DueRule);
