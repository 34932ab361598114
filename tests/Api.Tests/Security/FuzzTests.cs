using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>
/// Ten thousand malformed requests over every operation of the OpenAPI document (broken JSON, wrong types, huge
/// numbers, unicode, SQL and script injection strings, oversize bodies, bad ids, bad tokens), from a seeded
/// generator so a failure can be replayed: no 5xx, nothing written, and the product still serves afterwards.
/// </summary>
public sealed class FuzzTests
{
    private const int Requests = 10_000;
    private const int InFlight = 8;

    private static readonly string[] Hostile =
    [
        "' OR '1'='1' --", "'; DROP TABLE app.products; --", "\" OR 1=1 --", "1; SELECT pg_sleep(0)", "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>", "../../../../etc/passwd", "%00", "\u0000", "${jndi:ldap://x}", "{{7*7}}",
        "😀🍸🥃", "Ω≈ç√∫˜µ≤≥÷", "\u202Eevil", new string('A', 5000), "-1", "NaN", "null", "undefined", "0x7fffffff",
    ];

    private static readonly string[] BrokenJson = ["{", "{\"a\":", "[1,2", "nul", "{\"x\": tru}", "{'single': 'quotes'}", "{\"a\":1,}", "\"unterminated", "{\"a\":\"\\uZZZZ\"}", "{}}"];

    private static readonly string[] WrongRoots = ["[]", "123", "\"text\"", "true", "[{}]", "-0"];

    private static readonly string[] BadIds = ["not-a-guid", "0", "-1", "00000000-0000-0000-0000-00000000000", "' OR 1=1 --", "%3Cscript%3E", "..%2F..%2Fetc", "😀", new string('9', 400)];

    [Fact]
    public async Task Ten_thousand_malformed_requests_get_no_5xx_change_nothing_and_leave_the_product_serving()
    {
        await using var host = await ProductHost.StartAsync();
        var (_, _, admin) = await host.RegisterOwnerAsync("Fuzz Bar");
        var document = (await host.Client().GetAsync("/openapi/v1.json")).Body;
        var operations = Fuzzable(document).ToList();
        Assert.True(operations.Count > 60, $"Only {operations.Count} operations to fuzz.");
        var before = await host.Database.CountsAsync();

        var random = new Random(20261126);
        var plans = Enumerable.Range(0, Requests).Select(i => Plan(operations[i % operations.Count], document, admin, random)).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        // An oversize body waits for "100 Continue" or the refusal; on a busy machine the answer can take longer than the
        // default second, after which the client would start sending and meet the closed connection instead of the 413.
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = host.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (plan, cancellation) =>
        {
            using var request = plan.Request();
            using var response = await http.SendAsync(request, cancellation);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{plan.Description}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellation)}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} requests got a 5xx:\n" + string.Join('\n', failures.Take(20)));
        Assert.Equal(Requests, statuses.Values.Sum());
        // Most requests must have got past the token to the binding and validation they are meant to break.
        Assert.True(statuses.GetValueOrDefault(400) > Requests / 4, "Too few 400s: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.Equal(before, await host.Database.CountsAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        (await host.Client(admin).GetAsync("/api/v1/products")).ShouldSucceed();
    }

    /// <summary>
    /// Every operation. The few that take no input at all (running a compliance check, retraining) have nothing to
    /// malform but their credential, so they only ever get a broken one.
    /// </summary>
    private static IEnumerable<(string Path, string Method, JsonElement Operation, bool TakesInput)> Fuzzable(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var takesInput = path.Name.Contains('{', StringComparison.Ordinal) || method.Value.TryGetProperty("requestBody", out _)
                    || method.Value.TryGetProperty("parameters", out _) || method.Name == "get";
                yield return (path.Name, method.Name, method.Value, takesInput);
            }
        }
    }

    private static FuzzPlan Plan((string Path, string Method, JsonElement Operation, bool TakesInput) operation, JsonElement document, string token, Random random)
    {
        var (path, method, spec, takesInput) = operation;
        var hasBody = spec.TryGetProperty("requestBody", out var body);
        var query = spec.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
            : [];
        var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{\w+\}", _ => random.Next(3) == 0 ? Guid.NewGuid().ToString() : Uri.EscapeDataString(Pick(BadIds, random)));
        if (query.Count > 0)
        {
            url += "?" + string.Join('&', query.Select(name => $"{name}={Uri.EscapeDataString(Pick(Hostile, random))}"));
        }

        var authorization = !takesInput || random.Next(10) == 0 ? Pick(["Bearer ' OR 1=1 --", "Bearer " + new string('x', 9000), "Basic ???", "Bearer a.b.c"], random) : $"Bearer {token}";
        var kind = hasBody ? random.Next(6) : 6;
        (string Text, string Type)? content = kind switch
        {
            0 => (Pick(BrokenJson, random), "application/json"),
            1 => (Pick(WrongRoots, random), "application/json"),
            2 or 3 => (WrongTypes(body, document, random).ToJsonString(), "application/json"),
            4 => ("{\"name\":\"" + new string('x', 1100 * 1024) + "\"}", "application/json"),
            5 => ("<xml>" + Pick(Hostile, random) + "</xml>", "application/xml"),
            _ => method is "get" or "delete" ? null : ("{}", "application/json"),
        };
        // A body-less operation reached with a valid id shape but a random id only ever finds nothing.
        var description = $"{method.ToUpperInvariant()} {url[..Math.Min(url.Length, 160)]} ({(content is null ? "no body" : $"{content.Value.Type}, {content.Value.Text.Length} chars: {content.Value.Text[..Math.Min(80, content.Value.Text.Length)]}")})";
        return new FuzzPlan(description, () =>
        {
            var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            if (content is { } sent)
            {
                request.Content = new StringContent(sent.Text, Encoding.UTF8, sent.Type);
                // An oversize body is refused before it is read; waiting for "continue" lets the client hear the 413 instead of a reset.
                request.Headers.ExpectContinue = sent.Text.Length > 1024 * 1024;
            }

            return request;
        });
    }

    /// <summary>An object whose every declared property has a value of a kind the schema does not allow, so binding must fail.</summary>
    private static JsonObject WrongTypes(JsonElement body, JsonElement document, Random random)
    {
        var result = new JsonObject();
        var schema = Resolve(body.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : default, document);
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties))
        {
            result["unexpected"] = JsonValue.Create(Pick(Hostile, random));
            result["quantity"] = new JsonArray(JsonValue.Create(1e300));
            return result;
        }

        foreach (var property in properties.EnumerateObject())
        {
            result[property.Name] = WrongValue(Kinds(Resolve(property.Value, document)), random);
        }

        return result;
    }

    private static JsonNode? WrongValue(IReadOnlySet<string> allowed, Random random)
    {
        var candidates = new List<Func<JsonNode?>>();
        if (!allowed.Contains("string"))
        {
            candidates.Add(() => JsonValue.Create(Pick(Hostile, random)));
        }

        if (!allowed.Contains("integer") && !allowed.Contains("number"))
        {
            candidates.Add(() => JsonNode.Parse(Pick(["1e400", "-99999999999999999999999999", "3.14159", "0"], random)));
        }

        if (allowed.Contains("integer") && !allowed.Contains("number"))
        {
            // An integer field overflows or gets a fraction: still a number, still wrong.
            candidates.Add(() => JsonNode.Parse(Pick(["1e400", "99999999999999999999999", "1.5"], random)));
        }

        if (!allowed.Contains("boolean"))
        {
            candidates.Add(() => JsonValue.Create(random.Next(2) == 0));
        }

        if (!allowed.Contains("array"))
        {
            candidates.Add(() => new JsonArray(JsonValue.Create(Pick(Hostile, random)), JsonValue.Create(-1)));
        }

        if (!allowed.Contains("object"))
        {
            candidates.Add(() => new JsonObject { ["$where"] = "1==1", ["__proto__"] = new JsonObject() });
        }

        return candidates[random.Next(candidates.Count)]();
    }

    private static IReadOnlySet<string> Kinds(JsonElement schema)
    {
        var kinds = new HashSet<string>();
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return kinds;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.Array)
            {
                kinds.UnionWith(type.EnumerateArray().Select(t => t.GetString()!));
            }
            else
            {
                kinds.Add(type.GetString()!);
            }
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    kinds.UnionWith(Kinds(option));
                }
            }
        }

        if (kinds.Count == 0 && schema.TryGetProperty("properties", out _))
        {
            kinds.Add("object");
        }

        if (kinds.Count == 0 && schema.TryGetProperty("enum", out _))
        {
            kinds.Add("string");
        }

        return kinds;
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema;
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private sealed record FuzzPlan(string Description, Func<HttpRequestMessage> Request);
}
