using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// Lists on every operation the error statuses it can answer, each a <c>$ref</c> to ErrorEnvelopeSchema's shared
/// responses. Most follow from the operation's shape, the same conventions the Api enforces everywhere: a signed-in
/// call can meet 401, 403 (role, scope, IP allow-list) and 429 (the organisation's hourly allowance); a body or a query
/// can be invalid (400); a body can be too large or not JSON (413, 415); an id in the path can name nothing (404); a
/// signed-in write can contradict what is stored (409); anything can meet 500 and 503. An endpoint adds the rest with
/// <see cref="DocumentedErrorsExtensions.ProducesErrors{TBuilder}"/>.
/// </summary>
internal sealed class OperationErrors : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var signedIn = !metadata.OfType<IAllowAnonymous>().Any();
        var parameters = operation.Parameters ?? [];
        var body = operation.RequestBody is not null;
        var statuses = new SortedSet<int>(metadata.OfType<DocumentedErrors>().SelectMany(d => d.Statuses))
        {
            StatusCodes.Status500InternalServerError,
            StatusCodes.Status503ServiceUnavailable,
        };

        // A route's Guid id that does not parse matches no route (404), so only other path values can be malformed.
        if (body || parameters.Any(p => p.In == ParameterLocation.Query || (p.In == ParameterLocation.Path && p.Schema?.Format != "uuid")))
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (signedIn)
        {
            statuses.UnionWith([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests]);
        }

        if (parameters.Any(p => p.In == ParameterLocation.Path))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (signedIn && !HttpMethods.IsGet(context.Description.HttpMethod ?? HttpMethods.Get))
        {
            statuses.Add(StatusCodes.Status409Conflict);
        }

        if (body)
        {
            statuses.UnionWith([StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            // An endpoint that describes one of these itself keeps its own description.
            operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponseReference(ErrorEnvelopeSchema.ResponseName(status), context.Document));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Error statuses an endpoint answers beyond those <see cref="OperationErrors"/> reads from its shape.</summary>
public sealed record DocumentedErrors(IReadOnlyList<int> Statuses);

public static class DocumentedErrorsExtensions
{
    /// <summary>Documents that this endpoint can answer these statuses with the error envelope (e.g. 401 for sign-in).</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        var unknown = statuses.Where(s => ErrorEnvelopeSchema.Responses.All(r => r.Status != s)).ToList();
        // Refused at start-up, not when someone first opens the document.
        return unknown.Count == 0
            ? builder.WithMetadata(new DocumentedErrors(statuses))
            : throw new ArgumentOutOfRangeException(nameof(statuses), $"No shared error response for status {string.Join(", ", unknown)}.");
    }
}
