using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// A client-credentials token request as RFC 6749 section 4.4 sends it: a form (or, for convenience, JSON) with
/// grant_type, client_id, client_secret and an optional space-separated scope; the id and secret may instead come
/// in HTTP Basic authentication.
/// </summary>
public sealed record ClientCredentials(Guid ClientId, string ClientSecret, IReadOnlyList<string>? Scopes)
{
    public const string GrantType = "client_credentials";

    public static async Task<ClientCredentials> ReadAsync(HttpRequest request)
    {
        var fields = await Fields(request);
        var (basicId, basicSecret) = Basic(request);
        var violations = new List<FieldError>();
        if (fields.GetValueOrDefault("grant_type") != GrantType)
        {
            violations.Add(new FieldError("grant_type", $"grant_type must be {GrantType}; people sign in at /api/v1/auth/login."));
        }

        var id = basicId ?? fields.GetValueOrDefault("client_id");
        if (!Guid.TryParse(id, out var clientId))
        {
            violations.Add(new FieldError("client_id", "client_id is required: the id shown when the client was created."));
        }

        var secret = basicSecret ?? fields.GetValueOrDefault("client_secret");
        if (secret is not { Length: > 0 and <= 256 })
        {
            violations.Add(new FieldError("client_secret", "client_secret is required."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var scope = fields.GetValueOrDefault("scope");
        return new ClientCredentials(clientId, secret!, string.IsNullOrWhiteSpace(scope) ? null : scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList());
    }

    private static async Task<Dictionary<string, string?>> Fields(HttpRequest request)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync();
                return form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
            }

            using var json = await JsonDocument.ParseAsync(request.Body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null)
                : [];
        }
        catch (Exception error) when (error is JsonException or InvalidDataException)
        {
            throw new ValidationFailedException([new FieldError("body", "Send the token request as application/x-www-form-urlencoded (or a JSON object).")]);
        }
    }

    private static (string? Id, string? Secret) Basic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return (null, null);
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (null, null);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
