using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Integrations;

/// <summary>
/// A system that signs in with OAuth 2.0 client credentials, as an admin sees it: never its secret.
/// <see cref="IntegrationId"/>: the POS integration whose sales it may push with its token (none: it may not).
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.ClientDetails.v1")]
public sealed record ClientDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<string> Scopes,
    [property: Id(4)] DateTime CreatedAt,
    [property: Id(5)] DateTime? LastUsedAt,
    [property: Id(6)] DateTime? RevokedAt,
    [property: Id(7)] Guid? IntegrationId = null);

/// <summary>A new client and its secret, shown once.</summary>
[GenerateSerializer, Immutable, Alias("ipf.IssuedClient.v1")]
public sealed record IssuedClient(
    [property: Id(0)] ClientDetails Client,
    [property: Id(1)] string ClientSecret);

/// <summary>What an admin asks for: a name, the scopes the client may hold, and optionally the POS integration it pushes sales for.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ClientDraft.v1")]
public sealed record ClientDraft(
    [property: Id(0)] string? Name,
    [property: Id(1)] IReadOnlyList<string>? Scopes,
    [property: Id(2)] Guid? IntegrationId = null);

/// <summary>
/// Integration clients of every organisation (a stateless worker over app.integration_clients): an admin creates,
/// lists and revokes them; the token endpoint authenticates them.
/// </summary>
public interface IIntegrationClientsGrain : IGrainWithStringKey
{
    Task<IssuedClient> Create(Guid organizationId, ClientDraft draft, Guid createdBy);

    Task<Page<ClientDetails>> List(Guid organizationId, PageRequest page);

    Task Revoke(Guid organizationId, Guid clientId);

    /// <summary>The live client with this id and secret; INVALID_CREDENTIALS otherwise, the same answer whatever was wrong.</summary>
    Task<ClientDetails> Authenticate(Guid clientId, string secret);

    /// <summary>The POS integration a live client pushes sales for, with its signing secret; null when it has none or either was revoked.</summary>
    Task<IntegrationCredential?> PosCredential(Guid organizationId, Guid clientId);
}
