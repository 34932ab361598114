using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Grains.Compliance;
using Npgsql;

namespace InventoryProFlow.Api.Tests.Compliance;

/// <summary>
/// The audit trail: every change of the catalogue is an entry with who, which request, before and after; the
/// chain's verification catches an entry edited or deleted in the database, and the log stays within its organisation.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class AuditTrailTests(SharedProduct product)
{
    [Fact]
    public async Task Creating_updating_and_deleting_a_product_are_entries_with_who_the_request_and_before_and_after()
    {
        var tenant = await product.NewTenantAsync();
        var manager = await tenant.SignedInAsync("manager");
        var managerId = await UserIdAsync(manager);

        var created = await WithRequestId(manager, HttpMethod.Post, "/api/v1/products", new { sku = "AUD-1", name = "Audit Gin", category = "spirits", sizeMl = 750, abv = 41.5m, cost = 12.50m, price = 19m }, "req-create-1");
        var id = created.ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!;
        (await WithRequestId(manager, HttpMethod.Put, $"/api/v1/products/{id}", new { price = 21.75m }, "req-update-1")).ShouldSucceed();
        (await WithRequestId(manager, HttpMethod.Delete, $"/api/v1/products/{id}", null, "req-delete-1")).ShouldSucceed(HttpStatusCode.NoContent);

        var list = (await tenant.Admin.GetAsync($"/api/v1/compliance/audit?entityType=product&entityId={id}")).ShouldSucceed().Data;
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, list.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(new[] { "product.deleted", "product.updated", "product.created" }, items.Select(i => i.GetProperty("action").GetString()).ToArray());
        Assert.Equal(new[] { "req-delete-1", "req-update-1", "req-create-1" }, items.Select(i => i.GetProperty("requestId").GetString()).ToArray());
        Assert.All(items, i => Assert.Equal(managerId, i.GetProperty("userId").GetString()));
        Assert.All(items, i => Assert.Equal(id, i.GetProperty("entityId").GetString()));

        var (deleted, updated, create) = (items[0], items[1], items[2]);
        Assert.Equal(JsonValueKind.Null, create.GetProperty("before").ValueKind);
        Assert.Equal("AUD-1", create.GetProperty("after").GetProperty("sku").GetString());
        Assert.Equal(19m, updated.GetProperty("before").GetProperty("price").GetDecimal());
        Assert.Equal(21.75m, updated.GetProperty("after").GetProperty("price").GetDecimal());
        Assert.Equal(21.75m, deleted.GetProperty("before").GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("after").ValueKind);
        // Newest first, each linked to the one before it.
        Assert.Equal(updated.GetProperty("hash").GetString(), deleted.GetProperty("previousHash").GetString());
        Assert.Equal(create.GetProperty("hash").GetString(), updated.GetProperty("previousHash").GetString());
        Assert.Equal(updated.GetProperty("sequence").GetInt64() + 1, deleted.GetProperty("sequence").GetInt64());

        var verification = (await manager.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data;
        Assert.True(verification.GetProperty("verified").GetBoolean(), verification.ToString());
        Assert.Equal(await EntriesAsync(tenant), verification.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task Filters_narrow_the_log_by_user_action_and_time()
    {
        var tenant = await product.NewTenantAsync();
        var manager = await tenant.SignedInAsync("manager");
        var managerId = await UserIdAsync(manager);
        var start = DateTime.UtcNow.AddSeconds(-1).ToString("O");
        await tenant.CreateProductAsync("F-ADMIN");
        (await manager.PostAsync("/api/v1/products", new { sku = "F-MANAGER", name = "Rum", category = "spirits", sizeMl = 750, abv = 40, cost = 10, price = 15 }))
            .ShouldSucceed(HttpStatusCode.Created);

        var byManager = (await tenant.Admin.GetAsync($"/api/v1/compliance/audit?userId={managerId}&action=product.created")).ShouldSucceed().Data;
        Assert.Equal(1, byManager.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal("F-MANAGER", byManager.GetProperty("items")[0].GetProperty("after").GetProperty("sku").GetString());

        var since = (await tenant.Admin.GetAsync($"/api/v1/compliance/audit?action=product.created&from={Uri.EscapeDataString(start)}&limit=1&page=2")).ShouldSucceed().Data;
        Assert.Equal(2, since.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal("F-ADMIN", since.GetProperty("items")[0].GetProperty("after").GetProperty("sku").GetString());

        var before = (await tenant.Admin.GetAsync($"/api/v1/compliance/audit?action=product.created&to={Uri.EscapeDataString(start)}")).ShouldSucceed().Data;
        Assert.Equal(0, before.GetProperty("pagination").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_entry_edited_in_the_database_is_caught_at_its_sequence()
    {
        var (tenant, sequences) = await TenantWithProductHistoryAsync();

        await product.Host.Database.TamperAsync(
            "UPDATE app.audit_log SET after = jsonb_set(after, '{price}', '1.00') WHERE organization_id = @o AND sequence = @s",
            ("o", tenant.OrganizationId), ("s", sequences[1]));

        await ShouldBeBrokenAsync(tenant, sequences[1], "hash_mismatch");
    }

    [Fact]
    public async Task An_entry_edited_and_rehashed_is_caught_by_the_next_entrys_link()
    {
        var (tenant, sequences) = await TenantWithProductHistoryAsync();

        // A careful attacker recomputes the edited entry's hash; the next entry still names the old one.
        var edited = await StoredEntryAsync(tenant, sequences[1]) with { UserId = null };
        await product.Host.Database.TamperAsync(
            "UPDATE app.audit_log SET user_id = NULL, hash = @h WHERE organization_id = @o AND sequence = @s",
            ("h", AuditHash.Of(edited)), ("o", tenant.OrganizationId), ("s", sequences[1]));

        await ShouldBeBrokenAsync(tenant, sequences[2], "broken_link");
    }

    [Fact]
    public async Task A_deleted_middle_entry_is_caught_as_missing()
    {
        var (tenant, sequences) = await TenantWithProductHistoryAsync();

        Assert.Equal(1, await product.Host.Database.TamperAsync(
            "DELETE FROM app.audit_log WHERE organization_id = @o AND sequence = @s", ("o", tenant.OrganizationId), ("s", sequences[1])));

        await ShouldBeBrokenAsync(tenant, sequences[1], "missing_entry");
    }

    [Fact]
    public async Task A_deleted_last_entry_is_caught_against_the_chain_head()
    {
        var (tenant, sequences) = await TenantWithProductHistoryAsync();

        Assert.Equal(1, await product.Host.Database.TamperAsync(
            "DELETE FROM app.audit_log WHERE organization_id = @o AND sequence = @s", ("o", tenant.OrganizationId), ("s", sequences[2])));

        await ShouldBeBrokenAsync(tenant, sequences[2], "missing_tail");
    }

    [Fact]
    public async Task A_verification_leaves_a_checkpoint_and_the_next_starts_there_so_an_edit_before_it_needs_a_full_walk()
    {
        var (tenant, sequences) = await TenantWithProductHistoryAsync();
        var head = await HeadAsync(tenant);
        Assert.Equal(head, await CheckpointAsync(tenant));

        await product.Host.Database.TamperAsync(
            "UPDATE app.audit_log SET after = jsonb_set(after, '{price}', '1.00') WHERE organization_id = @o AND sequence = @s",
            ("o", tenant.OrganizationId), ("s", sequences[1]));

        // From the checkpoint: only the checkpointed entry is read again, and it is whole.
        var incremental = (await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data;
        Assert.True(incremental.GetProperty("verified").GetBoolean(), incremental.ToString());
        Assert.Equal((head.Sequence, false, 1L), (incremental.GetProperty("fromSequence").GetInt64(), incremental.GetProperty("full").GetBoolean(), incremental.GetProperty("entries").GetInt64()));

        // The admin's full walk finds the edit, and drops the checkpoint: from now on every verification walks from the first entry.
        await ShouldBeBrokenAsync(tenant, sequences[1], "hash_mismatch");
        Assert.Null(await CheckpointAsync(tenant));
        var again = (await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data;
        Assert.Equal((false, sequences[1], 1L), (again.GetProperty("verified").GetBoolean(), again.GetProperty("firstBrokenSequence").GetInt64(), again.GetProperty("fromSequence").GetInt64()));
    }

    [Fact]
    public async Task An_entry_edited_after_the_checkpoint_is_caught_by_the_walk_from_it()
    {
        var (tenant, _) = await TenantWithProductHistoryAsync();
        var checkpoint = await HeadAsync(tenant);
        var id = await tenant.CreateProductAsync("HIST-2");
        (await tenant.Admin.PutAsync($"/api/v1/products/{id}", new { price = 30m })).ShouldSucceed();
        var created = checkpoint.Sequence + 1;

        await product.Host.Database.TamperAsync(
            "UPDATE app.audit_log SET after = jsonb_set(after, '{sku}', '\"HIST-9\"') WHERE organization_id = @o AND sequence = @s",
            ("o", tenant.OrganizationId), ("s", created));

        var verification = (await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data;
        Assert.False(verification.GetProperty("verified").GetBoolean(), verification.ToString());
        Assert.Equal((created, "hash_mismatch", checkpoint.Sequence), (
            verification.GetProperty("firstBrokenSequence").GetInt64(), verification.GetProperty("problem").GetString(), verification.GetProperty("fromSequence").GetInt64()));
    }

    [Fact]
    public async Task The_checkpointed_entry_itself_is_checked_again()
    {
        var (tenant, sequences) = await TenantWithProductHistoryAsync();

        Assert.Equal(1, await product.Host.Database.TamperAsync(
            "DELETE FROM app.audit_log WHERE organization_id = @o AND sequence = @s", ("o", tenant.OrganizationId), ("s", sequences[2])));

        var verification = (await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data;
        Assert.Equal((false, sequences[2], "missing_entry"), (
            verification.GetProperty("verified").GetBoolean(), verification.GetProperty("firstBrokenSequence").GetInt64(), verification.GetProperty("problem").GetString()));
    }

    [Fact]
    public async Task Full_re_verification_is_for_admins()
    {
        var tenant = await product.NewTenantAsync();
        var manager = await tenant.SignedInAsync("manager");

        (await manager.GetAsync("/api/v1/compliance/audit/verify?full=true")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(["full"], (await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify?full=yes")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        var full = (await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify?full=true")).ShouldSucceed().Data;
        Assert.Equal((true, true, 1L), (full.GetProperty("verified").GetBoolean(), full.GetProperty("full").GetBoolean(), full.GetProperty("fromSequence").GetInt64()));
        Assert.True((await manager.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task The_log_refuses_a_plain_update_or_delete()
    {
        var (tenant, sequences) = await TenantWithProductHistoryAsync();

        foreach (var sql in new[]
        {
            "UPDATE app.audit_log SET action = 'product.viewed' WHERE organization_id = @o AND sequence = @s",
            "DELETE FROM app.audit_log WHERE organization_id = @o AND sequence = @s",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() =>
                product.Host.Database.ScalarAsync<object>(sql, ("o", tenant.OrganizationId), ("s", sequences[1])));
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        Assert.True((await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Staff_may_not_read_the_log_and_managers_may()
    {
        var tenant = await product.NewTenantAsync();
        var staff = await tenant.SignedInAsync("staff");
        var manager = await tenant.SignedInAsync("manager");

        (await staff.GetAsync("/api/v1/compliance/audit")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await staff.GetAsync("/api/v1/compliance/audit/verify")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await product.Host.Client().GetAsync("/api/v1/compliance/audit")).ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        (await manager.GetAsync("/api/v1/compliance/audit")).ShouldSucceed();
    }

    [Fact]
    public async Task Another_organisation_sees_none_of_the_entries()
    {
        var (a, _) = await TenantWithProductHistoryAsync();
        var b = await product.NewTenantAsync();
        var productOfA = (await a.Admin.GetAsync("/api/v1/compliance/audit?entityType=product&limit=1")).ShouldSucceed()
            .Data.GetProperty("items")[0].GetProperty("entityId").GetString();

        var seen = (await b.Admin.GetAsync("/api/v1/compliance/audit?limit=200")).ShouldSucceed().Data;
        Assert.All(seen.GetProperty("items").EnumerateArray(), i => Assert.NotEqual("product", i.GetProperty("entityType").GetString()));
        Assert.Equal(await EntriesAsync(b), seen.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(0, (await b.Admin.GetAsync($"/api/v1/compliance/audit?entityId={productOfA}")).ShouldSucceed()
            .Data.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(await EntriesAsync(b), (await b.Admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data.GetProperty("entries").GetInt64());
    }

    [Theory]
    [InlineData("from=notadate", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("userId=me", "userId")]
    [InlineData("page=0", "page")]
    [InlineData("limit=0", "limit")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    public async Task Bad_filters_are_400_with_the_field(string query, string field)
    {
        var tenant = await product.NewTenantAsync();

        var response = (await tenant.Admin.GetAsync($"/api/v1/compliance/audit?{query}")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal([field], response.ErrorFields);
    }

    // A product created, updated and deleted: answers the three entries' sequence numbers, oldest first.
    private async Task<(Tenant Tenant, long[] Sequences)> TenantWithProductHistoryAsync()
    {
        var tenant = await product.NewTenantAsync();
        var id = await tenant.CreateProductAsync("HIST-1");
        (await tenant.Admin.PutAsync($"/api/v1/products/{id}", new { price = 24.5m })).ShouldSucceed();
        (await tenant.Admin.DeleteAsync($"/api/v1/products/{id}")).ShouldSucceed(HttpStatusCode.NoContent);
        var items = (await tenant.Admin.GetAsync($"/api/v1/compliance/audit?entityId={id}")).ShouldSucceed().Data.GetProperty("items");
        var sequences = items.EnumerateArray().Select(i => i.GetProperty("sequence").GetInt64()).Reverse().ToArray();
        Assert.Equal(3, sequences.Length);
        Assert.True((await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data.GetProperty("verified").GetBoolean());
        return (tenant, sequences);
    }

    // A full walk: the history's own verification left a checkpoint at its head, past these edits.
    private static async Task ShouldBeBrokenAsync(Tenant tenant, long sequence, string problem)
    {
        var verification = (await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify?full=true")).ShouldSucceed().Data;
        Assert.False(verification.GetProperty("verified").GetBoolean(), verification.ToString());
        Assert.Equal(sequence, verification.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(problem, verification.GetProperty("problem").GetString());
    }

    private async Task<ChainedEntry> StoredEntryAsync(Tenant tenant, long sequence)
    {
        await using var connection = new NpgsqlConnection(product.Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT occurred_at, user_id, request_id, action, entity_type, entity_id, before::text, after::text, previous_hash, hash " +
            "FROM app.audit_log WHERE organization_id = @o AND sequence = @s", connection);
        command.Parameters.AddWithValue("o", tenant.OrganizationId);
        command.Parameters.AddWithValue("s", sequence);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        return new ChainedEntry(
            tenant.OrganizationId, sequence, row.GetDateTime(0), row.IsDBNull(1) ? null : row.GetGuid(1), Text(2), row.GetString(3), row.GetString(4),
            row.GetString(5), Text(6), Text(7), row.GetString(8), row.GetString(9));
    }

    private async Task<(long Sequence, string Hash)> HeadAsync(Tenant tenant) => (
        await product.Host.Database.ScalarAsync<long>("SELECT sequence FROM app.audit_chain_heads WHERE organization_id = @o", ("o", tenant.OrganizationId)),
        await product.Host.Database.ScalarAsync<string>("SELECT hash FROM app.audit_chain_heads WHERE organization_id = @o", ("o", tenant.OrganizationId)));

    private async Task<(long Sequence, string Hash)?> CheckpointAsync(Tenant tenant)
    {
        var sequence = await product.Host.Database.ScalarAsync<long?>("SELECT sequence FROM app.audit_checkpoints WHERE organization_id = @o", ("o", tenant.OrganizationId));
        return sequence is { } at
            ? (at, await product.Host.Database.ScalarAsync<string>("SELECT hash FROM app.audit_checkpoints WHERE organization_id = @o", ("o", tenant.OrganizationId)))
            : null;
    }

    private Task<long> EntriesAsync(Tenant tenant) =>
        product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.audit_log WHERE organization_id = @o", ("o", tenant.OrganizationId));

    private static async Task<string> UserIdAsync(ApiClient client)
    {
        var users = (await client.GetAsync("/api/v1/users?limit=200")).ShouldSucceed().Data.GetProperty("items").EnumerateArray();
        return users.Single(u => u.GetProperty("role").GetString() == "manager").GetProperty("id").GetString()!;
    }

    private static Task<ApiResponse> WithRequestId(ApiClient client, HttpMethod method, string path, object? body, string requestId) =>
        client.SendAsync(
            method, path, body is null ? null : new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"),
            r => r.Headers.Add("X-Request-Id", requestId));
}
