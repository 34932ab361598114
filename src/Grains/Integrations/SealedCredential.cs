using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Grains.Storage;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>An integration's credential as app.integrations holds it: the push-signing secret sealed with the KEK.</summary>
internal sealed record SealedCredential(Guid IntegrationId, Guid OrganizationId, string WebhookSecret, string? KekId)
{
    public IntegrationCredential Opened(KeyEncryptionKeys keys) =>
        new(IntegrationId, OrganizationId, keys.Open(new StoredSecret(WebhookSecret, KekId), SecretColumn.Integrations.Context(IntegrationId)));
}
