namespace InventoryProFlow.Grains.Notifications;

/// <summary>
/// News to mail to the people of an organisation who want its <see cref="Topic"/>. <see cref="MailKey"/> names the
/// news (an alert's key, a location's digest of one day): queued twice, it still reaches each person once.
/// </summary>
public sealed record OutgoingMail(Guid OrganizationId, string Topic, string MailKey, string Subject, string Body, DateTime At);

/// <summary>One queued mail to one recipient, leased for sending.</summary>
public sealed record DueMail(Guid Id, Guid? OrganizationId, string Topic, string Recipient, string Subject, string Body, int Attempts, DateTime CreatedAt);
