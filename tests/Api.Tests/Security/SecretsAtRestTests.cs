using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Grains.Identity;
using InventoryProFlow.Grains.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>
/// Signing keys, POS push secrets and webhook secrets are sealed with a key-encryption key kept outside the database,
/// read back with SQL; the product still signs tokens, verifies pushes and signs webhooks with them.
/// </summary>
public sealed class SecretsAtRestTests
{
    private const string ChosenWebhookSecret = "whsec_chosen_by_the_admin_0123456789";

    [Fact]
    public async Task Signing_keys_POS_secrets_and_webhook_secrets_are_stored_sealed_yet_still_sign_verify_and_deliver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var product = await ProductOnDatabase.StartAsync();
        var setup = await Setup.MakeAsync(product, receiver);

        var columns = await SealedColumns(product.Host.Database, setup);

        Assert.Equal((TestSecrets.KekId, TestSecrets.KekId, TestSecrets.KekId), (columns.IntegrationKek, columns.WebhookKek, columns.SigningKek));
        Assert.DoesNotContain(setup.Pos.Secret, columns.IntegrationSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(ChosenWebhookSecret, columns.WebhookSecret, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", columns.SigningKey, StringComparison.Ordinal);
        // The stored text is a version-1 envelope: version, 12-byte nonce, 16-byte tag, then exactly the secret's length.
        Assert.Equal([1, 1 + 12 + 16 + setup.Pos.Secret.Length], Envelope(columns.IntegrationSecret));
        Assert.Equal([1, 1 + 12 + 16 + ChosenWebhookSecret.Length], Envelope(columns.WebhookSecret));
        await Setup.StillWorksAsync(product, setup, "sealed-1");
    }

    [Fact]
    public async Task Secrets_left_plain_by_an_older_version_are_sealed_when_the_product_starts_and_still_work()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        Setup setup;
        string signingKeyPem;
        await using (var older = await ProductOnDatabase.StartAsync(database))
        {
            setup = await Setup.MakeAsync(older, receiver);
            signingKeyPem = Assert.Single(await older.Host.Services.GetRequiredService<SigningKeyStore>().Load()).PrivateKeyPem;
        }

        // As an installation from before sealing has them: plain text, no KEK named.
        var db = new Database(database);
        await db.TamperAsync("UPDATE app.integrations SET webhook_secret = @s, kek_id = NULL", ("s", setup.Pos.Secret));
        await db.TamperAsync("UPDATE app.webhooks SET secret = @s, kek_id = NULL", ("s", ChosenWebhookSecret));
        await db.TamperAsync("UPDATE app.signing_keys SET private_key_pem = @s, kek_id = NULL", ("s", signingKeyPem));

        await using var upgraded = await ProductOnDatabase.StartAsync(database);

        var columns = await SealedColumns(db, setup);
        Assert.Equal((TestSecrets.KekId, TestSecrets.KekId, TestSecrets.KekId), (columns.IntegrationKek, columns.WebhookKek, columns.SigningKek));
        Assert.NotEqual(setup.Pos.Secret, columns.IntegrationSecret);
        Assert.NotEqual(ChosenWebhookSecret, columns.WebhookSecret);
        Assert.DoesNotContain("PRIVATE KEY", columns.SigningKey, StringComparison.Ordinal);
        await Setup.StillWorksAsync(upgraded, setup with { Pos = new PosClient(upgraded.Host, setup.Pos.ApiKey, setup.Pos.Secret) }, "upgraded-1");
        // The token signed before the upgrade still verifies: the ring kept its key.
        (await upgraded.Host.Client(setup.Tenant.AdminToken).GetAsync("/api/v1/products")).ShouldSucceed();
    }

    [Fact]
    public async Task Rotating_the_kek_reseals_every_secret_while_a_running_node_and_a_restarted_one_still_open_them()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var kekFile = Path.Combine(Directory.CreateTempSubdirectory("ipf-kek-").FullName, "kek");
        var first = "first:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var second = "second:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await File.WriteAllTextAsync(kekFile, first + "\n");
        var fromFile = new Dictionary<string, string?> { ["Secrets:KeyEncryptionKey"] = null, ["Secrets:KeyEncryptionKeyFile"] = kekFile };
        var db = new Database(database);
        await using var receiver = await WebhookReceiver.StartAsync();

        Setup setup;
        await using (var running = await ProductOnDatabase.StartAsync(database, fromFile))
        {
            setup = await Setup.MakeAsync(running, receiver);
            Assert.Equal(("first", "first", "first"), KekIds(await SealedColumns(db, setup)));

            await File.AppendAllTextAsync(kekFile, second + "\n");
            var (exitCode, output) = await RotateKek(database, kekFile);

            Assert.Equal(0, exitCode);
            Assert.Equal(
                "Resealed 3 secrets with the key-encryption key second.\nNo secret needs an older key-encryption key: they can be removed from the KEK file or value.\n",
                output);
            Assert.Equal(("second", "second", "second"), KekIds(await SealedColumns(db, setup)));
            // The running node learns the new KEK from its file when a secret needs it: its webhooks and tokens go on.
            await running.Host.Services.GetRequiredService<SigningKeys>().ReloadAsync();
            await Setup.StillWorksAsync(running, setup, "rotated-1");
        }

        // The old KEK retired: a node started with the new one alone opens everything.
        await File.WriteAllTextAsync(kekFile, second + "\n");
        await using var restarted = await ProductOnDatabase.StartAsync(database, fromFile);
        await Setup.StillWorksAsync(restarted, setup with { Pos = new PosClient(restarted.Host, setup.Pos.ApiKey, setup.Pos.Secret) }, "rotated-2");
        (await restarted.Host.Client(setup.Tenant.AdminToken).GetAsync("/api/v1/products")).ShouldSucceed();
    }

    [Fact]
    public async Task A_node_without_the_kek_of_the_sealed_secrets_refuses_to_start_and_says_which_and_where()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using (var product = await ProductOnDatabase.StartAsync(database))
        {
            await product.Host.RegisterOwnerAsync("Sealed Bar");
        }

        var none = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ProductHost.StartAsync(database, settings: new Dictionary<string, string?> { ["Secrets:KeyEncryptionKey"] = null }));
        var other = await Assert.ThrowsAsync<InvalidOperationException>(() => ProductHost.StartAsync(database, settings: new Dictionary<string, string?>
        {
            ["Secrets:KeyEncryptionKey"] = "other:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }));

        Assert.StartsWith("No key-encryption key: set Secrets__KeyEncryptionKeyFile (a file of lines id:base64-of-32-bytes, mounted from a secret)", none.Message, StringComparison.Ordinal);
        Assert.StartsWith(
            $"The database holds secrets sealed with the key-encryption key(s) {TestSecrets.KekId}, which this node does not have. Give it the KEK file or value",
            other.Message,
            StringComparison.Ordinal);
        // Refusing changed nothing: the ring's one key is still sealed with the KEK it had.
        Assert.Equal(1L, await new Database(database).ScalarAsync<long>("SELECT count(*) FROM app.signing_keys WHERE kek_id = @k", ("k", TestSecrets.KekId)));
        Assert.Equal(0L, await new Database(database).ScalarAsync<long>("SELECT count(*) FROM app.signing_keys WHERE kek_id <> @k", ("k", TestSecrets.KekId)));
    }

    private static (string?, string?, string?) KekIds(StoredColumns columns) => (columns.IntegrationKek, columns.WebhookKek, columns.SigningKek);

    private static int[] Envelope(string stored)
    {
        var bytes = Convert.FromBase64String(stored);
        return [bytes[0], bytes.Length];
    }

    private static async Task<StoredColumns> SealedColumns(Database db, Setup setup) => new(
        await db.ScalarAsync<string>("SELECT webhook_secret FROM app.integrations WHERE id = @id", ("id", Guid.Parse(setup.Pos.IntegrationId))),
        await db.ScalarAsync<string?>("SELECT kek_id FROM app.integrations WHERE id = @id", ("id", Guid.Parse(setup.Pos.IntegrationId))),
        await db.ScalarAsync<string>("SELECT secret FROM app.webhooks WHERE id = @id", ("id", setup.WebhookId)),
        await db.ScalarAsync<string?>("SELECT kek_id FROM app.webhooks WHERE id = @id", ("id", setup.WebhookId)),
        await db.ScalarAsync<string>("SELECT string_agg(private_key_pem, ',') FROM app.signing_keys"),
        await db.ScalarAsync<string?>("SELECT string_agg(DISTINCT coalesce(kek_id, 'plain'), ',') FROM app.signing_keys"));

    // The `rotate-kek` verb of the silo program, as `make rotate-kek` runs it.
    private static async Task<(int ExitCode, string Output)> RotateKek(string connectionString, string kekFile)
    {
        var start = new ProcessStartInfo("dotnet", [Loopback.BuiltProgram("Silo"), "rotate-kek"]) { RedirectStandardOutput = true };
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Secrets__KeyEncryptionKeyFile"] = kekFile;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private sealed record StoredColumns(string IntegrationSecret, string? IntegrationKek, string WebhookSecret, string? WebhookKek, string SigningKey, string? SigningKek);

    /// <summary>One of each secret: a POS integration, a webhook with a chosen secret, and a signed-in admin.</summary>
    private sealed record Setup(Tenant Tenant, Guid Location, Guid Product, PosClient Pos, Guid WebhookId, WebhookReceiver Receiver)
    {
        public static async Task<Setup> MakeAsync(ProductOnDatabase product, WebhookReceiver receiver)
        {
            var tenant = await product.NewTenantAsync();
            var (location, productId) = await tenant.StockedAsync(50);
            var pos = await PosClient.SetUpAsync(tenant);
            var webhook = (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "sale.created" }, secret = ChosenWebhookSecret }))
                .ShouldSucceed(HttpStatusCode.Created).Data;
            return new Setup(tenant, location, productId, pos, Guid.Parse(webhook.GetProperty("id").GetString()!), receiver);
        }

        /// <summary>A password sign-in (a token signed with the ring), a signed POS push accepted, its sale's webhook signed with the chosen secret.</summary>
        public static async Task StillWorksAsync(ProductOnDatabase product, Setup setup, string reference)
        {
            var token = (await product.Host.Client().PostAsync("/api/v1/auth/login", new { email = setup.Tenant.AdminEmail, password = Tenant.Password }))
                .ShouldSucceed().Data.GetProperty("accessToken").GetString()!;
            (await product.Host.Client(token).GetAsync("/api/v1/products")).ShouldSucceed();

            (await setup.Pos.SaleCreatedAsync(new { transactionId = reference, locationId = setup.Location, items = new[] { new { sku = "VODKA-750", quantity = 1, price = 9m } } }))
                .ShouldSucceed(HttpStatusCode.Created);
            var delivery = await setup.Receiver.NextAsync(r => r.Event == "sale.created" && r.Json.GetProperty("data").GetProperty("referenceId").GetString() == reference);
            Assert.Null(WebhookSignature.Problem(delivery.Signature, ChosenWebhookSecret, DateTimeOffset.UtcNow, delivery.Body));
        }
    }
}

/// <summary>A product of its own on a database that outlives it, so a test can stop it and start another on the same data.</summary>
internal sealed class ProductOnDatabase : SharedProduct, IAsyncDisposable
{
    public static async Task<ProductOnDatabase> StartAsync(string? database = null, IDictionary<string, string?>? settings = null)
    {
        var product = new ProductOnDatabase();
        product.Host = await ProductHost.StartAsync(database ?? await TestPostgres.CreateDatabaseAsync(), settings: settings);
        return product;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
