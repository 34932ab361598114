using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Notifications;
using InventoryProFlow.Grains.Identity;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Notifications;

/// <summary>One organisation's mail: each user's choice of topics, and the locations' daily low-stock digests. Stateless.</summary>
[StatelessWorker]
public sealed class NotificationsGrain(
    MailPreferenceRepository preferences, UserRepository users, LowStockDigestQuery belowPar, MailOutbox outbox, AlertMails mails, TimeProvider time)
    : Grain, INotificationsGrain
{
    private Guid OrganizationId => GrainKeys.ParseNotifications(this.GetPrimaryKeyString());

    public async Task<MailPreferences> Preferences(Guid userId)
    {
        var user = await users.Find(OrganizationId, userId) ?? throw NotFoundException.For("user", userId);
        var chosen = await preferences.Chosen(OrganizationId, userId);
        return new MailPreferences(userId, chosen ?? MailTopics.DefaultFor(user.Role), chosen is not null, MailTopics.All, outbox.Enabled);
    }

    public async Task<MailPreferences> ChoosePreferences(Guid userId, MailPreferencesChange change)
    {
        _ = await users.Find(OrganizationId, userId) ?? throw NotFoundException.For("user", userId);
        var violations = new Violations();
        foreach (var (topic, index) in (change.Topics ?? []).Select((t, i) => (t, i)))
        {
            violations.OneOf($"topics[{index}]", topic ?? string.Empty, MailTopics.All);
        }

        violations.ThrowIfAny();
        // Kept in the order of MailTopics.All, each once, so the stored choice reads the same however it was sent.
        var topics = change.Topics is null ? null : MailTopics.All.Where(t => change.Topics.Contains(t)).ToList();
        await preferences.Choose(OrganizationId, userId, topics, time.GetUtcNow().UtcDateTime);
        return await Preferences(userId);
    }

    public async Task<int> QueueLowStockDigests()
    {
        if (!outbox.Enabled)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var digests = (await belowPar.BelowPar(OrganizationId))
            .GroupBy(l => l.LocationId)
            .Select(location =>
            {
                var first = location.First();
                return mails.LowStockDigest(OrganizationId, first.LocationId, first.LocationName, time.Today(first.Timezone), location.ToList(), now);
            })
            .ToList();
        return await outbox.Queue(digests);
    }
}
