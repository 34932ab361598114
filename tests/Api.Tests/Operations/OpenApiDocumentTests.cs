using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// The served OpenAPI document is fit for client generators and linters (issue 20, point 14): every operation has a
/// unique operationId and documents its error answers as the envelope, the tags are described, and the envelope in the
/// document is the one the Api really sends. Redocly's lint of the same document runs in the end-to-end tests.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed partial class OpenApiDocumentTests(SharedProduct product)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_operation_has_a_unique_camel_case_operation_id()
    {
        var operations = Operations(await DocumentAsync());

        var missing = operations.Where(o => !o.Body.TryGetProperty("operationId", out _)).Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, "Operations without an operationId: " + string.Join(", ", missing));
        var ids = operations.ToDictionary(o => o.Name, o => o.Body.GetProperty("operationId").GetString()!);
        Assert.All(ids, id => Assert.Matches(CamelCase(), id.Value));
        var repeated = ids.GroupBy(id => id.Value).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(id => id.Key))}").ToList();
        Assert.True(repeated.Count == 0, "operationIds used twice: " + string.Join("; ", repeated));
        // Derived ones and named ones alike; a client generated last month still finds these.
        Assert.Equal("listProducts", ids["GET /api/v1/products"]);
        Assert.Equal("createProduct", ids["POST /api/v1/products"]);
        Assert.Equal("getInventoryItem", ids["GET /api/v1/inventory/items/{id}"]);
        Assert.Equal("createTransactionSale", ids["POST /api/v1/transactions/sales"]);
        Assert.Equal("completeCountSession", ids["POST /api/v1/count-sessions/{id}/complete"]);
        Assert.Equal("signIn", ids["POST /api/v1/auth/login"]);
        Assert.Equal("ingestPosSales", ids["POST /api/v1/integrations/pos/sales"]);
    }

    [Fact]
    public async Task Every_operation_documents_its_error_answers_as_the_envelope()
    {
        var document = await DocumentAsync();
        var shared = document.GetProperty("components").GetProperty("responses");
        var problems = new List<string>();
        foreach (var operation in Operations(document))
        {
            var responses = operation.Body.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            var errors = responses.Where(r => r.Key[0] is '4' or '5').ToList();
            foreach (var (status, response) in errors)
            {
                var target = response.TryGetProperty("$ref", out var reference) ? reference.GetString()! : "(inline)";
                var name = target.Replace("#/components/responses/", string.Empty, StringComparison.Ordinal);
                if (!shared.TryGetProperty(name, out var component) || EnvelopeOf(component) != "#/components/schemas/ErrorEnvelope")
                {
                    problems.Add($"{operation.Name} {status}: {target} is not a shared envelope response");
                }
            }

            var expected = new List<string> { "500", "503" };
            if (operation.Body.TryGetProperty("security", out var security) && security.EnumerateArray().Any(s => s.TryGetProperty("Bearer", out _)))
            {
                expected.AddRange(["401", "403", "429"]);
            }

            if (operation.Path.Contains('{', StringComparison.Ordinal))
            {
                expected.Add("404");
            }

            if (operation.Body.TryGetProperty("requestBody", out _))
            {
                expected.AddRange(["400", "413"]);
            }

            problems.AddRange(expected.Where(s => !responses.ContainsKey(s)).Select(s => $"{operation.Name}: no {s}"));
            // The keys endpoint takes nothing a client could get wrong (.redocly.lint-ignore.yaml says the same).
            if (operation.Name != "GET /.well-known/jwks.json" && !errors.Any(e => e.Key[0] == '4'))
            {
                problems.Add($"{operation.Name}: no 4xx answer");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task The_documented_envelope_lists_every_error_code_and_is_what_the_Api_sends()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var envelope = schemas.GetProperty("ErrorEnvelope");
        var body = schemas.GetProperty("ErrorBody");

        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(codes, body.GetProperty("properties").GetProperty("code").GetProperty("enum").EnumerateArray().Select(c => c.GetString()!));
        var refused = (await product.Host.Client().GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        Assert.Equal(Names(envelope.GetProperty("required")), refused.Body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(Names(body.GetProperty("required")), refused.Body.GetProperty("error").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(Names(body.GetProperty("required")), body.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Every_property_and_parameter_has_a_type_and_optional_fields_are_not_required()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        // Our own converters (PrintableText, ShortestDecimal) hide strings and decimals from the generator: a client would see "unknown".
        var untyped = schemas.EnumerateObject()
            .SelectMany(s => s.Value.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => (Name: $"{s.Name}.{p.Name}", Schema: p.Value)) : [])
            .Concat(Operations(document).SelectMany(o => o.Body.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Select(p => (Name: $"{o.Name} {p.GetProperty("name").GetString()}", Schema: p.GetProperty("schema"))) : []))
            .Where(p => !p.Schema.EnumerateObject().Any(k => k.Name is "type" or "$ref" or "oneOf" or "anyOf" or "allOf"))
            .Select(p => p.Name)
            .ToList();
        Assert.True(untyped.Count == 0, $"{untyped.Count} untyped: " + string.Join(", ", untyped.Take(20)));
        Assert.Equal("string", schemas.GetProperty("SignInResponse").GetProperty("properties").GetProperty("accessToken").GetProperty("type").GetString());
        var listProducts = Operations(document).Single(o => o.Name == "GET /api/v1/products").Body.GetProperty("parameters");
        Assert.Equal(["page", "limit"], listProducts.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Take(2));
        // A sale needs no explicit nulls for the fields it does not use.
        Assert.False(schemas.GetProperty("MovementRequest").TryGetProperty("required", out _));
    }

    [Fact]
    public async Task The_document_describes_its_tags_licence_and_servers()
    {
        var document = await DocumentAsync();

        var described = document.GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out var d) ? d.GetString() : null);
        var used = Operations(document).SelectMany(o => o.Body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).Distinct().Order().ToList();
        Assert.Equal(used, described.Keys.Order());
        Assert.All(described, tag => Assert.False(string.IsNullOrWhiteSpace(tag.Value), $"Tag {tag.Key} has no description (DocumentDescription.Tags)."));
        Assert.Equal("MIT", document.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
        var servers = document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()!).ToList();
        Assert.Equal([product.Host.Address.ToString().TrimEnd('/')], servers);
    }

    private async Task<JsonElement> DocumentAsync() => (await product.Host.Client().GetAsync("/openapi/v1.json")).Body;

    private static List<(string Name, string Path, JsonElement Body)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name))
                .Select(m => ($"{m.Name.ToUpperInvariant()} {path.Name}", path.Name, m.Value)))
            .ToList();

    private static string? EnvelopeOf(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
            && json.GetProperty("schema").TryGetProperty("$ref", out var schema) ? schema.GetString() : null;

    private static IEnumerable<string> Names(JsonElement array) => array.EnumerateArray().Select(n => n.GetString()!).Order();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex CamelCase();
}
