using System.Globalization;
using System.Text.Json;
using InventoryProFlow.Api.Errors;
using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Api.Stock;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Grains.Integrations;
using Microsoft.AspNetCore.Http.Features;

namespace InventoryProFlow.Api.Integrations;

/// <summary>
/// <c>POST /api/v1/integrations/pos/sales</c>: a POS pushes a <c>sale.created</c> webhook or a batch of up to
/// 1,000 sales. It proves who it is with its API key (<c>X-Api-Key</c>), or with the bearer token of an integration
/// client linked to the POS integration (the seed's form), and signs the raw body with the integration's webhook
/// secret (<c>Ipf-Signature</c>, or the seed's <c>signature</c> member in the body); anything else is 401 and writes nothing.
/// </summary>
public static class PosSalesApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    public const string Route = "/api/v1/integrations/pos/sales";
    public const string SaleCreated = "sale.created";

    // A thousand sales of a few lines each fit well within this; the product's default limit is 1 MB.
    private const long MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>
    /// The webhook (<c>type</c> or <c>event</c>, and <c>data</c>; the seed's top-level <c>timestamp</c> is when the sale
    /// happened unless <c>data.timestamp</c> says) or the batch (<c>sales</c>).
    /// </summary>
    public sealed record PosPayload(string? Type, string? Event, PosSale? Data, IReadOnlyList<PosSale>? Sales, DateTime? Timestamp = null);

    public sealed record BatchAnswer(IReadOnlyList<PosSaleResult> Results, int Recorded, int Duplicates, int Rejected);

    public static IEndpointRouteBuilder MapPosSalesApi(this IEndpointRouteBuilder routes)
    {
        // It reads the raw body (its signature covers the bytes) and checks its own key, so OperationErrors infers none of these.
        routes.MapPost(Route, Ingest).AllowAnonymous().WithTags("Integrations").WithName("ingestPosSales")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge)
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests)
            .WithSummary("A POS pushes sale.created (or { sales: [...] }, up to 1,000): X-Api-Key or a linked client's bearer token, and a signature (Ipf-Signature or the body's signature); unmatched lines are queued");
        return routes;
    }

    private static async Task<IResult> Ingest(HttpContext http, IGrainFactory grains, TimeProvider time, PosRefusalPause pause)
    {
        var (credential, pusherId) = await Credential(http, grains);
        var body = await RawBody(http);
        // The Ipf-Signature header (timestamped, so a replayed push is refused), or the seed's signature in the body.
        var header = http.Request.Headers[WebhookSignature.Header].ToString();
        var problem = header.Length > 0
            ? WebhookSignature.Problem(header, credential.WebhookSecret, time.GetUtcNow(), body)
            : BodySignature.Problem(body, credential.WebhookSecret);
        if (problem is not null)
        {
            throw new UnauthenticatedException(ErrorCodes.InvalidSignature, problem);
        }

        // A POS of a suspended organisation, or pushing from outside its allow-list, is refused like its people: 403, nothing
        // recorded; it keeps the sale to push again.
        await grains.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(credential.OrganizationId)).EnsureAdmitted(ClientAddress.Of(http));
        var payload = Parse(body);
        if (await Refused(http, grains, time, pause, credential.OrganizationId, pusherId, payload) is { } refused)
        {
            return refused;
        }

        var integrations = grains.GetGrain<IIntegrationsGrain>(GrainKeys.Integrations(credential.OrganizationId));
        if (payload.Sales is { } sales)
        {
            var results = await integrations.Ingest(credential.IntegrationId, sales);
            return Results.Ok(Envelope.Of(new BatchAnswer(
                results, results.Count(r => r.Status == PosSaleStatus.Recorded), results.Count(r => r.Status == PosSaleStatus.Duplicate),
                results.Count(r => r.Status == PosSaleStatus.Rejected))));
        }

        // Booked when it was rung, not when the push arrived: a late push lands on its own business day.
        var sale = payload.Data! with { Timestamp = payload.Data!.Timestamp ?? payload.Timestamp };
        var result = (await integrations.Ingest(credential.IntegrationId, [sale]))[0];
        switch (result.Status)
        {
            case PosSaleStatus.Recorded:
                return Results.Json(Envelope.Of(result), ApiJson.Options, statusCode: StatusCodes.Status201Created);
            case PosSaleStatus.Duplicate:
                http.Response.Headers[TransactionsApi.ReplayedHeader] = "true";
                return Results.Ok(Envelope.Of(result));
            default:
                throw Refusal(result);
        }
    }

    /// <summary>
    /// Charges the push's sale lines to its key's and its organisation's allowance for this minute, before anything is
    /// written: the refusal (429 with Retry-After after the <see cref="PosRefusalPause"/>, or 413 for a push larger than a
    /// whole minute's allowance), or null.
    /// </summary>
    private static async Task<IResult?> Refused(
        HttpContext http, IGrainFactory grains, TimeProvider time, PosRefusalPause pause, Guid organizationId, Guid pusherId, PosPayload payload)
    {
        if (PosPushSize.Lines(payload.Sales ?? [payload.Data!]) is not { } lines
            || await grains.GetGrain<IPosLineAllowanceGrain>(GrainKeys.PosLines(organizationId)).Charge(pusherId, lines) is not { } allowance)
        {
            return null;
        }

        var decision = allowance.Decision;
        if (decision.Allowed)
        {
            RateLimitHeaders.Write(http.Response, decision);
            return null;
        }

        var whose = allowance.Scope == PosLineAllowance.KeyScope ? "this POS key (API key or integration client)" : "your organisation's POS pushes together";
        if (allowance.NeverFits)
        {
            RateLimitHeaders.Write(http.Response, decision);
            await ErrorResponses.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, string.Create(
                CultureInfo.InvariantCulture,
                $"This push carries {lines:N0} sale lines, more than {whose} may push in a minute ({decision.Limit:N0}): send its sales in smaller pushes."));
            return Results.Empty;
        }

        await pause.Wait(decision.ResetsAt, time, http.RequestAborted);
        await RateLimitHeaders.RefuseAsync(http, decision, string.Create(
            CultureInfo.InvariantCulture,
            $"This push carries {lines:N0} sale lines and {whose} may push {decision.Limit:N0} a minute, of which {decision.Remaining:N0} are left; nothing was recorded."));
        return Results.Empty;
    }

    /// <summary>
    /// The POS integration pushing, by its API key or by the token of the integration client linked to it, and who
    /// pushes (the integration, or the client) for the per-key line allowance.
    /// </summary>
    private static async Task<(IntegrationCredential Credential, Guid PusherId)> Credential(HttpContext http, IGrainFactory grains)
    {
        var apiKey = http.Request.Headers[ApiKeyHeader].ToString();
        if (apiKey.Length > 0)
        {
            var byKey = await grains.GetGrain<IIntegrationKeyGrain>(GrainKeys.IntegrationKey(ApiKeys.Hash(apiKey))).Credential()
                ?? throw new UnauthenticatedException(ErrorCodes.InvalidApiKey, "The API key is not valid, or its integration was revoked.");
            return (byKey, byKey.IntegrationId);
        }

        // The endpoint admits anonymous callers (the API key is checked here), so a bearer token was validated but not required.
        if (http.Request.Headers.Authorization.Count == 0)
        {
            throw new UnauthenticatedException(
                ErrorCodes.Unauthorized, $"An integration's API key is required in the {ApiKeyHeader} header, or an integration client's bearer token.");
        }

        if (!CurrentUser.TryFrom(http.User, out var caller))
        {
            throw new UnauthenticatedException(ErrorCodes.InvalidToken, "The bearer token is not valid or has expired; get a new one from POST /api/v1/auth/token.");
        }

        if (!caller.IsClient || !caller.Scopes.Contains(Scopes.SalesWrite))
        {
            throw new ForbiddenException($"Only an integration client with the {Scopes.SalesWrite} scope pushes POS sales with a token; people record sales at POST /api/v1/transactions/sales.");
        }

        var byClient = await grains.GetGrain<IIntegrationClientsGrain>(GrainKeys.IdentityKey).PosCredential(caller.OrganizationId, caller.UserId)
            ?? throw new ForbiddenException("This integration client is linked to no live POS integration: create a client with integrationId, or push with the integration's X-Api-Key.");
        return (byClient, caller.UserId);
    }

    private static PosPayload Parse(byte[] body)
    {
        PosPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<PosPayload>(body, ApiJson.Options);
        }
        catch (JsonException error)
        {
            throw new ValidationFailedException([new FieldError("body", $"The body is not valid JSON for a POS sale: {error.Message}")]);
        }

        var kind = payload?.Type ?? payload?.Event;
        return payload switch
        {
            { Sales: not null } => payload,
            { Data: not null } when kind == SaleCreated => payload,
            { Data: not null } => throw new ValidationFailedException([new FieldError("type", $"Only {SaleCreated} events are taken here, not '{kind}'.")]),
            _ => throw new ValidationFailedException([new FieldError("body", $"Send {{ \"type\": \"{SaleCreated}\", \"data\": {{ transactionId, locationId, items }} }} or {{ \"sales\": [...] }}.")]),
        };
    }

    private static async Task<byte[]> RawBody(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.ToArray();
    }

    // A single webhook's refusal is the usual error envelope, with the status its code has everywhere else
    // (a blip of the database or cluster is 503 with Retry-After, through the same path as any request's).
    private static Exception Refusal(PosSaleResult result) => result.ErrorCode switch
    {
        ErrorCodes.ServiceUnavailable => new TimeoutException(result.ErrorMessage),
        ErrorCodes.NotFound => new NotFoundException(result.ErrorMessage!),
        ErrorCodes.InsufficientStock or ErrorCodes.Conflict or ErrorCodes.PeriodClosed => new ConflictException(result.ErrorCode, result.ErrorMessage!, result.ErrorDetails),
        _ => new ValidationFailedException(result.ErrorDetails ?? [], result.ErrorMessage),
    };
}
