using System.Net;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>One running product shared by the API tests; each test makes its own tenants, so none depends on another.</summary>
public class SharedProduct : IAsyncLifetime
{
    public const string Collection = "product";

    public ProductHost Host { get; protected set; } = null!;

    public virtual async Task InitializeAsync() => Host = await ProductHost.StartAsync(settings: Settings(), clock: Clock, smtp: MailServer());

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Settings over the test defaults, for a fixture that shares a product configured its own way.</summary>
    protected virtual IDictionary<string, string?>? Settings() => null;

    /// <summary>The product's clock, for a fixture whose tests move time; null for the machine's.</summary>
    public virtual TestClock? Clock => null;

    /// <summary>The loopback SMTP server the product mails, for a fixture whose product sends mail; none by default.</summary>
    protected virtual SmtpCatcher? MailServer() => null;

    /// <summary>Signs up a new business with a unique email and returns its admin's session.</summary>
    public async Task<Tenant> NewTenantAsync(string businessType = "bar")
    {
        var (email, organizationId, token) = await Host.RegisterOwnerAsync("Tenant " + Guid.NewGuid().ToString("N")[..8], businessType);
        return new Tenant(this, organizationId, email, token);
    }
}

[CollectionDefinition(SharedProduct.Collection)]
public sealed class SharedProductCollection : ICollectionFixture<SharedProduct>;

/// <summary>An organisation made for one test, and its admin's token.</summary>
public sealed record Tenant(SharedProduct Product, Guid OrganizationId, string AdminEmail, string AdminToken)
{
    public const string Password = "Sup3r-Secret-Pour";

    public ApiClient Admin => Product.Host.Client(AdminToken);

    /// <summary>Adds a user of a role and signs them in.</summary>
    public async Task<ApiClient> SignedInAsync(string role) => Product.Host.Client(await TokenOfNewUserAsync(role));

    /// <summary>Adds a user of a role and answers their access token.</summary>
    public async Task<string> TokenOfNewUserAsync(string role) => (await NewUserAsync(role)).Token;

    /// <summary>Invites a user of a role, who accepts through the link sent to them: their email and access token.</summary>
    public async Task<(string Email, string Token)> NewUserAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        (await Admin.PostAsync("/api/v1/users", new { email, firstName = "Pat", lastName = role, role }))
            .ShouldSucceed(HttpStatusCode.Created);
        return (email, await Product.Host.AcceptInvitationAsync(email, Password));
    }

    public async Task<Guid> CreateLocationAsync(string name = "Main Bar") =>
        Id(await Admin.PostAsync("/api/v1/locations", new { name, timezone = "America/Chicago", city = "Des Moines", state = "IA" }));

    public async Task<Guid> CreateSupplierAsync(string name = "Southern Glazer's") =>
        Id(await Admin.PostAsync("/api/v1/suppliers", new { name, email = "orders@supplier.example" }));

    public async Task<Guid> CreateProductAsync(string sku, string name = "Titos Handmade Vodka", string? barcode = null, string category = "spirits") =>
        Id(await Admin.PostAsync("/api/v1/products", new { sku, name, brand = "Tito's", category, sizeMl = 750, abv = 40.0m, cost = 15.00m, price = 20.99m, barcode }));

    /// <summary>Starts carrying a product at a location with an opening count; answers the inventory item id.</summary>
    public async Task<Guid> StockAsync(Guid locationId, Guid productId, int quantity, int parLevel = 0) =>
        Id(await Admin.PostAsync("/api/v1/inventory/items", new { locationId, productId, quantity, parLevel }));

    /// <summary>A location with one product stocked: the usual start of a stock test.</summary>
    public async Task<(Guid Location, Guid Product)> StockedAsync(int quantity, int parLevel = 0, string sku = "VODKA-750")
    {
        var location = await CreateLocationAsync();
        var product = await CreateProductAsync(sku);
        await StockAsync(location, product, quantity, parLevel);
        return (location, product);
    }

    private static Guid Id(ApiResponse response) =>
        Guid.Parse(response.ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
}
