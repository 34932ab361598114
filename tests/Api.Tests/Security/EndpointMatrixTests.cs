using System.Net;
using System.Text;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>
/// Every operation of the OpenAPI document, read from the running product: without a token 401; with another
/// organisation's admin 404 where it names this organisation's records, and never this organisation's data; with
/// every role and client that lacks its scope or role 403; and the one that has them gets past the guard. A new
/// endpoint is in the document, so it is in this matrix.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class EndpointMatrixTests(SharedProduct product)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_operation_refuses_the_anonymous_the_other_organisation_and_whoever_lacks_its_scope_or_role()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count > 60, $"Only {operations.Count} operations in the OpenAPI document.");
        var world = await MatrixWorld.BuildAsync(product);
        var failures = new List<string>();

        // Reads first, deletions last: the admitted caller's own requests must not remove what later rows name.
        foreach (var operation in operations.OrderBy(o => Array.IndexOf(["get", "post", "put", "patch", "delete"], o.Method)))
        {
            failures.AddRange(await CheckAsync(operation, world));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} rows failed:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_operation_states_how_it_is_guarded()
    {
        var operations = await OperationsAsync();
        var unguarded = operations.Where(o => o.Guard == GuardKind.Bearer && o.Scopes.Count == 0).Select(o => o.Name).ToList();
        Assert.True(unguarded.Count == 0, "Operations with a Bearer token but no scope: " + string.Join(", ", unguarded));
        var open = operations.Where(o => o.Guard == GuardKind.Open).Select(o => o.Name).Order().ToList();
        Assert.Equal(
            [
                "GET /.well-known/jwks.json", "POST /api/v1/auth/accept-invitation", "POST /api/v1/auth/login", "POST /api/v1/auth/logout",
                "POST /api/v1/auth/refresh", "POST /api/v1/auth/register", "POST /api/v1/auth/token", "POST /api/v1/auth/verify-email",
                "POST /api/v1/auth/verify-email/resend",
            ],
            open.Where(o => !o.Contains("/openapi", StringComparison.Ordinal)));
    }

    private async Task<List<string>> CheckAsync(Operation operation, MatrixWorld world)
    {
        var failures = new List<string>();
        void Expect(bool holds, string who, HttpStatusCode got, string body) =>
            failures.AddRange(holds ? [] : [$"{operation.Name} as {who}: got {(int)got} {Truncate(body)}"]);

        if (operation.Guard == GuardKind.Open)
        {
            return failures;
        }

        var (anonymousStatus, anonymousBody) = await world.SendAsync(operation, token: null);
        Expect(anonymousStatus == HttpStatusCode.Unauthorized, "no credential", anonymousStatus, anonymousBody);
        if (operation.Guard == GuardKind.PosApiKey)
        {
            return failures;
        }

        var (otherStatus, otherBody) = await world.SendAsync(operation, world.OtherAdmin);
        Expect((int)otherStatus < 500, "another organisation's admin", otherStatus, otherBody);
        Expect((int)otherStatus >= 300 || !world.MentionsOwnRecords(otherBody), "another organisation's admin (saw this organisation's data)", otherStatus, otherBody);
        switch (world.Names(operation))
        {
            case Reference.Addressed:
                Expect(otherStatus == HttpStatusCode.NotFound, "another organisation's admin (expected 404)", otherStatus, otherBody);
                break;
            case Reference.InBody:
                // A record named inside a body is bad input to the resource addressed: 404 or a field error, never success.
                Expect(otherStatus is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, "another organisation's admin (expected 404 or 400)", otherStatus, otherBody);
                break;
        }

        foreach (var caller in world.Callers)
        {
            var admitted = caller.Admits(operation);
            if (!admitted)
            {
                var (status, body) = await world.SendAsync(operation, caller.Token);
                Expect(status == HttpStatusCode.Forbidden, $"{caller.Name} (expected 403)", status, body);
            }
        }

        // The admin has every scope and role: whatever it gets, the guard let it through, and nothing broke.
        var (adminStatus, adminBody) = await world.SendAsync(operation, world.OwnAdmin);
        Expect(adminStatus is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)adminStatus < 500, "its own admin", adminStatus, adminBody);
        return failures;
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = (await product.Host.Client().GetAsync("/openapi/v1.json")).Body;
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                operations.Add(Operation.From(path.Name, method.Name, method.Value));
            }
        }

        return operations;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;
}

/// <summary>How a request names a record of the organisation under test.</summary>
public enum Reference
{
    None,

    /// <summary>In its path or a query parameter it cannot do without: the resource addressed.</summary>
    Addressed,

    /// <summary>Inside the body it sends.</summary>
    InBody,
}

public enum GuardKind
{
    Open,
    Bearer,
    PosApiKey,
}

/// <summary>One operation and its guard as the OpenAPI document states it.</summary>
public sealed record Operation(
    string Path, string Method, GuardKind Guard, IReadOnlyList<string> Scopes, IReadOnlyList<string>? Roles, bool PeopleOnly,
    IReadOnlyList<string> QueryParameters, bool HasBody)
{
    public string Name => $"{Method.ToUpperInvariant()} {Path}";

    public static Operation From(string path, string method, JsonElement operation)
    {
        var guard = GuardKind.Open;
        var scopes = new List<string>();
        if (operation.TryGetProperty("security", out var security))
        {
            foreach (var requirement in security.EnumerateArray())
            {
                foreach (var scheme in requirement.EnumerateObject())
                {
                    guard = scheme.Name == "PosApiKey" ? GuardKind.PosApiKey : GuardKind.Bearer;
                    scopes.AddRange(scheme.Value.EnumerateArray().Select(s => s.GetString()!));
                }
            }
        }

        var roles = operation.TryGetProperty("x-roles", out var declared) ? declared.EnumerateArray().Select(r => r.GetString()!).ToList() : null;
        var peopleOnly = operation.TryGetProperty("x-people-only", out var people) && people.GetBoolean();
        var query = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
            : [];
        return new Operation(path, method, guard, scopes, roles, peopleOnly, query, operation.TryGetProperty("requestBody", out _));
    }
}

/// <summary>A caller of the organisation under test, with what its token grants.</summary>
public sealed record MatrixCaller(string Name, string Token, IReadOnlyList<string> Granted, string? Role)
{
    public bool Admits(Operation operation) =>
        operation.Scopes.All(s => Granted.Contains(s) || Granted.Contains("admin:all"))
        && (Role is null ? !operation.PeopleOnly : operation.Roles is null || operation.Roles.Contains(Role));
}

/// <summary>
/// The organisation under test with one of each record the API names by id, its callers (every role, and clients
/// missing one scope each), and another organisation's admin.
/// </summary>
public sealed class MatrixWorld
{
    private static readonly string[] ClientScopes = ["inventory:read", "inventory:write", "sales:read", "sales:write", "compliance:read", "analytics:read"];

    private readonly SharedProduct _product;
    private readonly Dictionary<string, Guid> _ids;

    private MatrixWorld(SharedProduct product, Dictionary<string, Guid> ids, string ownAdmin, string otherAdmin, IReadOnlyList<MatrixCaller> callers)
    {
        _product = product;
        _ids = ids;
        OwnAdmin = ownAdmin;
        OtherAdmin = otherAdmin;
        Callers = callers;
    }

    public string OwnAdmin { get; }

    public string OtherAdmin { get; }

    public IReadOnlyList<MatrixCaller> Callers { get; }

    public static async Task<MatrixWorld> BuildAsync(SharedProduct product)
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var admin = tenant.Admin;
        var (location, productId) = await tenant.StockedAsync(24);
        var ids = new Dictionary<string, Guid>
        {
            ["organization"] = tenant.OrganizationId,
            ["location"] = location,
            ["product"] = productId,
            ["supplier"] = await tenant.CreateSupplierAsync(),
            ["backBar"] = await tenant.CreateLocationAsync("Back Bar"),
            ["item"] = Id((await admin.GetAsync($"/api/v1/inventory/items?locationId={location}")).ShouldSucceed().Data.GetProperty("items")[0]),
            ["user"] = Id((await admin.PostAsync("/api/v1/users", new { email = $"matrix-{Guid.NewGuid():N}@example.com", password = Tenant.Password, firstName = "M", lastName = "Atrix", role = "staff" })).ShouldSucceed(HttpStatusCode.Created).Data),
            ["license"] = Id((await admin.PostAsync("/api/v1/compliance/licenses", new { locationId = location, licenseType = "liquor", issuingAuthority = "Iowa ABD", licenseNumber = "LC-1", issuedOn = "2026-01-01", expiresOn = "2027-01-01" })).ShouldSucceed(HttpStatusCode.Created).Data),
            ["report"] = Id((await admin.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = "2026-10-01", periodEnd = "2026-10-31" })).ShouldSucceed(HttpStatusCode.Created).Data),
            ["webhook"] = Id((await admin.PostAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/ipf", events = new[] { "sale.created" } })).ShouldSucceed(HttpStatusCode.Created).Data),
            ["integration"] = Id((await admin.PostAsync("/api/v1/integrations", new { name = "POS" })).ShouldSucceed(HttpStatusCode.Created).Data),
            ["client"] = Id((await admin.PostAsync("/api/v1/integrations/clients", new { name = "Matrix", scopes = new[] { "inventory:read" } })).ShouldSucceed(HttpStatusCode.Created).Data),
        };

        var callers = new List<MatrixCaller>();
        foreach (var role in new[] { "manager", "staff" })
        {
            var token = await tenant.TokenOfNewUserAsync(role);
            callers.Add(new MatrixCaller(role, token, new JsonWebToken(token).GetClaim("scope").Value.Split(' '), role));
        }

        callers.Add(await ClientAsync(product, admin, "client with every client scope", ClientScopes));
        foreach (var missing in ClientScopes)
        {
            callers.Add(await ClientAsync(product, admin, $"client without {missing}", ClientScopes.Where(s => s != missing).ToArray()));
        }

        return new MatrixWorld(product, ids, tenant.AdminToken, other.AdminToken, callers);
    }

    /// <summary>How the request names a record of the organisation under test.</summary>
    public Reference Names(Operation operation) =>
        (operation.Path.Contains('{', StringComparison.Ordinal) && PathRecord(operation.Path) is not null)
            || operation.QueryParameters.Any(p => QueryRecord(p) is not null && IdQueryRequired(operation, p))
            ? Reference.Addressed
            : BodyNamesRecords(operation) ? Reference.InBody : Reference.None;

    /// <summary>Whether a response shows any id of the organisation under test.</summary>
    public bool MentionsOwnRecords(string body) => _ids.Values.Any(id => body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(Operation operation, string? token)
    {
        using var http = new HttpClient { BaseAddress = _product.Host.Address };
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), Url(operation));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (operation.HasBody)
        {
            request.Content = Body(operation);
        }

        var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private string Url(Operation operation)
    {
        var path = operation.Path;
        foreach (var parameter in System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToList())
        {
            var record = parameter == "eventId" ? null : PathRecord(operation.Path);
            path = path.Replace($"{{{parameter}}}", (record is null ? Guid.NewGuid() : _ids[record]).ToString(), StringComparison.Ordinal);
        }

        var query = operation.QueryParameters
            .Select(p => (Name: p, Record: QueryRecord(p)))
            .Where(p => p.Record is not null)
            .Select(p => $"{p.Name}={_ids[p.Record!]}")
            .Concat(operation.QueryParameters.Contains("format") ? ["format=json"] : []);
        var queryText = string.Join('&', query);
        return queryText.Length == 0 ? path : $"{path}?{queryText}";
    }

    private HttpContent Body(Operation operation)
    {
        if (operation.Name == "POST /api/v1/inventory/import")
        {
            return new StringContent("sku,count\nVODKA-750,3\n", Encoding.UTF8, "text/csv");
        }

        var location = _ids["location"];
        var product = _ids["product"];
        object body = operation.Name switch
        {
            "POST /api/v1/transactions/sales" or "POST /api/v1/transactions/waste"
                or "POST /api/v1/transactions/comps" => new { locationId = location, items = new[] { new { productId = product, quantity = 1 } } },
            "POST /api/v1/transactions/purchases" => new { locationId = location, supplierId = _ids["supplier"], items = new[] { new { productId = product, quantity = 1, unitCost = 10m } } },
            "POST /api/v1/transactions/adjustments" => new { locationId = location, direction = "increase", reason = "found", items = new[] { new { productId = product, quantity = 1 } } },
            "POST /api/v1/transactions/transfers" => new { fromLocationId = location, toLocationId = _ids["backBar"], items = new[] { new { productId = product, quantity = 1 } } },
            "POST /api/v1/inventory/items" => new { locationId = location, productId = product, quantity = 1 },
            "POST /api/v1/inventory/batch" => new { items = new[] { new { locationId = location, productId = product, quantity = 3 } } },
            "POST /api/v1/analytics/forecast" => new { productId = product, locationId = location, forecastDays = 7 },
            "POST /api/v1/compliance/reports/abc" => new { locationId = location, periodStart = "2026-09-01", periodEnd = "2026-09-30" },
            "POST /api/v1/compliance/licenses" => new { locationId = location, licenseType = "liquor", issuingAuthority = "Iowa ABD", licenseNumber = "LC-2", issuedOn = "2026-01-01", expiresOn = "2027-01-01" },
            "POST /api/v1/integrations/unmapped/{id}/map" => new { productId = product },
            // A starter organisation may only clear its list; anything more is refused for the tier, not by the guard.
            "PUT /api/v1/organizations/{id}/ip-allowlist" => new { entries = Array.Empty<string>() },
            _ => new { },
        };
        return new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }

    private bool BodyNamesRecords(Operation operation) => operation.HasBody && operation.Name is
        "POST /api/v1/transactions/sales" or "POST /api/v1/transactions/purchases" or "POST /api/v1/transactions/waste"
        or "POST /api/v1/transactions/comps" or "POST /api/v1/transactions/adjustments" or "POST /api/v1/transactions/transfers"
        or "POST /api/v1/inventory/items" or "POST /api/v1/analytics/forecast" or "POST /api/v1/compliance/reports/abc"
        or "POST /api/v1/compliance/licenses";

    // Only a query id that the operation needs makes "not found" the one right answer; an optional filter may simply match nothing.
    private static bool IdQueryRequired(Operation operation, string parameter) => (operation.Name, parameter) is
        ("GET /api/v1/analytics/reorder", "locationId") or ("GET /api/v1/inventory/items", "locationId") or ("POST /api/v1/inventory/import", "locationId");

    private static string? PathRecord(string path) => path switch
    {
        _ when path.StartsWith("/api/v1/locations/", StringComparison.Ordinal) => "location",
        _ when path.StartsWith("/api/v1/products/", StringComparison.Ordinal) && path != "/api/v1/products/lookup" => "product",
        _ when path.StartsWith("/api/v1/inventory/products/", StringComparison.Ordinal) => "product",
        _ when path.StartsWith("/api/v1/suppliers/", StringComparison.Ordinal) => "supplier",
        _ when path.StartsWith("/api/v1/inventory/items/", StringComparison.Ordinal) => "item",
        _ when path.StartsWith("/api/v1/organizations/", StringComparison.Ordinal) => "organization",
        _ when path.StartsWith("/api/v1/users/", StringComparison.Ordinal) => "user",
        _ when path.StartsWith("/api/v1/compliance/licenses/", StringComparison.Ordinal) => "license",
        _ when path.StartsWith("/api/v1/compliance/reports/", StringComparison.Ordinal) => "report",
        _ when path.StartsWith("/api/v1/webhooks/", StringComparison.Ordinal) => "webhook",
        _ when path.StartsWith("/api/v1/integrations/clients/", StringComparison.Ordinal) => "client",
        _ when path.StartsWith("/api/v1/integrations/unmapped/", StringComparison.Ordinal) => null,
        _ when path.StartsWith("/api/v1/integrations/", StringComparison.Ordinal) => "integration",
        _ => null,
    };

    private static string? QueryRecord(string parameter) => parameter switch
    {
        "locationId" => "location",
        "productId" => "product",
        "supplierId" => "supplier",
        "licenseId" => "license",
        _ => null,
    };

    private static async Task<MatrixCaller> ClientAsync(SharedProduct product, ApiClient admin, string name, string[] scopes)
    {
        var created = (await admin.PostAsync("/api/v1/integrations/clients", new { name, scopes })).ShouldSucceed(HttpStatusCode.Created).Data;
        using var http = new HttpClient { BaseAddress = product.Host.Address };
        var response = await http.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.GetProperty("id").GetString()!,
            ["client_secret"] = created.GetProperty("clientSecret").GetString()!,
        }));
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new MatrixCaller(name, token.RootElement.GetProperty("access_token").GetString()!, scopes, Role: null);
    }

    private static Guid Id(JsonElement element) => Guid.Parse(element.GetProperty("id").GetString()!);
}
