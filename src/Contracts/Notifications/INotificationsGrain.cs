namespace InventoryProFlow.Contracts.Notifications;

/// <summary>
/// A user's choice of mail: <see cref="Topics"/> they receive, and whether they chose them (false: their role's
/// defaults). <see cref="MailEnabled"/> says whether this installation sends mail at all (an SMTP server configured).
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.MailPreferences.v1")]
public sealed record MailPreferences(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] IReadOnlyList<string> Topics,
    [property: Id(2)] bool Chosen,
    [property: Id(3)] IReadOnlyList<string> Available,
    [property: Id(4)] bool MailEnabled);

/// <summary>The body of <c>PUT /users/me/notifications</c>: the whole set of topics wanted (empty: no mail); null topics restore the role's defaults.</summary>
[GenerateSerializer, Immutable, Alias("ipf.MailPreferencesChange.v1")]
public sealed record MailPreferencesChange([property: Id(0)] IReadOnlyList<string?>? Topics);

/// <summary>One organisation's mail: who wants what, and the daily low-stock digest of each location.</summary>
public interface INotificationsGrain : IGrainWithStringKey
{
    Task<MailPreferences> Preferences(Guid userId);

    Task<MailPreferences> ChoosePreferences(Guid userId, MailPreferencesChange change);

    /// <summary>Queues today's low-stock digest of every location that has stock below par (once per location and business day).</summary>
    Task<int> QueueLowStockDigests();
}
