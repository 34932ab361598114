using System.Security.Cryptography;
using System.Text;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>Integration clients on any silo: rows hold every fact, and token requests spread over activations.</summary>
[StatelessWorker]
public sealed class IntegrationClientsGrain(IntegrationClientRepository clients, IntegrationRepository integrations, IdFactory ids, TimeProvider time)
    : Grain, IIntegrationClientsGrain
{
    public const string SecretPrefix = "ipf_cs_";

    public async Task<IssuedClient> Create(Guid organizationId, ClientDraft draft, Guid createdBy)
    {
        var scopes = draft.Scopes?.Distinct().ToList() ?? [];
        var violations = new Violations().Required("name", draft.Name, 100);
        violations.When(scopes.Count == 0, "scopes", $"scopes needs at least one of: {string.Join(", ", Scopes.ForClients)}.");
        foreach (var scope in scopes.Where(s => !Scopes.ForClients.Contains(s)))
        {
            violations.Add(
                "scopes",
                Scopes.All.Contains(scope)
                    ? $"{scope} cannot be given to an integration client: it is for a signed-in person."
                    : $"{scope} is not a scope; the scopes are: {string.Join(", ", Scopes.ForClients)}.");
        }

        // A client that pushes a POS's sales must be allowed to write sales; one without that scope could never use the link.
        violations.When(
            draft.IntegrationId is not null && !scopes.Contains(Scopes.SalesWrite),
            "scopes",
            $"A client that pushes a POS integration's sales needs the {Scopes.SalesWrite} scope.");
        violations.ThrowIfAny();
        if (draft.IntegrationId is { } integrationId && !await integrations.IsLive(organizationId, integrationId))
        {
            throw NotFoundException.For("POS integration", integrationId);
        }

        var secret = ApiKeys.NewSecret(SecretPrefix);
        var client = new ClientDetails(ids.NewId(), organizationId, draft.Name!.Trim(), scopes, time.GetUtcNow().UtcDateTime, null, null, draft.IntegrationId);
        return new IssuedClient(await clients.Insert(client, ApiKeys.Hash(secret), createdBy), secret);
    }

    public Task<Page<ClientDetails>> List(Guid organizationId, PageRequest page) => clients.List(organizationId, page);

    public async Task Revoke(Guid organizationId, Guid clientId)
    {
        if (!await clients.Revoke(organizationId, clientId, time.GetUtcNow().UtcDateTime))
        {
            throw NotFoundException.For("integration client", clientId);
        }

        // Its tokens still in date are refused from the next request on; the gate rereads within a minute if this call fails.
        await GrainFactory.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(organizationId)).CredentialChanged(clientId);
    }

    public Task<IntegrationCredential?> PosCredential(Guid organizationId, Guid clientId) => clients.PosCredential(organizationId, clientId);

    public async Task<ClientDetails> Authenticate(Guid clientId, string secret)
    {
        var live = await clients.Live(clientId);
        var presented = Encoding.ASCII.GetBytes(ApiKeys.Hash(secret));
        if (live is not { } found || !CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(found.SecretHash)))
        {
            throw WrongCredentials();
        }

        // Only a proven secret is a use: guesses must not make an abandoned client look in use.
        return await clients.RecordUse(clientId, time.GetUtcNow().UtcDateTime) ?? throw WrongCredentials();
    }

    private static UnauthenticatedException WrongCredentials() =>
        new(ErrorCodes.InvalidCredentials, "The client id or secret is incorrect, or the client was revoked.");
}
