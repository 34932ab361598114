using System.Security.Cryptography;
using System.Text;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Grains.Compliance;

namespace InventoryProFlow.Grains.Tests.Compliance;

public sealed class AuditHashTests
{
    private static readonly Guid Organization = Guid.Parse("0190a5c2-7f1e-7a00-8000-000000000001");
    private static readonly Guid User = Guid.Parse("0190a5c2-7f1e-7a00-8000-0000000000aa");

    [Fact]
    public void Hashes_a_length_prefixed_canonical_text_of_every_field()
    {
        var entry = Entry(1, AuditHash.Genesis, before: null, after: "{\"sku\": \"A-1\"}");
        var canonical =
            "ipf-audit-v1\n36:0190a5c2-7f1e-7a00-8000-000000000001\n1:1\n27:2026-03-01T12:30:45.123456Z\n36:0190a5c2-7f1e-7a00-8000-0000000000aa\n" +
            "5:req-1\n15:product.created\n7:product\n2:p1\n-:\n14:{\"sku\": \"A-1\"}\n64:" + AuditHash.Genesis + "\n";

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), AuditHash.Of(entry));
    }

    [Fact]
    public void Every_field_counts_and_null_differs_from_empty()
    {
        var entry = Entry(1, AuditHash.Genesis, before: null, after: "{}");
        var hash = AuditHash.Of(entry);

        Assert.Equal(hash, AuditHash.Of(entry with { Hash = "ignored" }));
        Assert.NotEqual(hash, AuditHash.Of(entry with { Before = "" }));
        Assert.NotEqual(hash, AuditHash.Of(entry with { UserId = null }));
        Assert.NotEqual(hash, AuditHash.Of(entry with { RequestId = null }));
        Assert.NotEqual(hash, AuditHash.Of(entry with { OccurredAt = entry.OccurredAt.AddTicks(10) }));
        Assert.NotEqual(hash, AuditHash.Of(entry with { OrganizationId = Guid.Empty }));
        Assert.NotEqual(hash, AuditHash.Of(entry with { PreviousHash = new string('1', 64) }));
        // Shifting text from one field to the next is not the same entry.
        Assert.NotEqual(AuditHash.Of(entry with { Action = "ab", EntityType = "c" }), AuditHash.Of(entry with { Action = "a", EntityType = "bc" }));
    }

    [Fact]
    public void Times_are_hashed_as_PostgreSQL_keeps_them_to_the_microsecond()
    {
        var entry = Entry(1, AuditHash.Genesis, null, null);

        Assert.Equal(AuditHash.Of(entry), AuditHash.Of(entry with { OccurredAt = entry.OccurredAt.AddTicks(7) }));
        Assert.Equal(new DateTime(2026, 3, 1, 12, 30, 45, 123, 456, DateTimeKind.Utc), AuditHash.Stored(entry.OccurredAt.AddTicks(9)));
    }

    [Fact]
    public void A_whole_chain_verifies()
    {
        var chain = Chain(4);

        Assert.Equal(new AuditVerification(true, 4), Walk(chain, new ChainHead(4, chain[^1].Hash)));
        Assert.Equal(new AuditVerification(true, 0), Walk([], null));
    }

    [Fact]
    public void An_edited_entry_breaks_its_hash()
    {
        var chain = Chain(4);
        chain[1] = chain[1] with { After = "{\"price\": 1.00}" };

        Assert.Equal(new AuditVerification(false, 4, 2, AuditProblems.HashMismatch), Walk(chain, new ChainHead(4, chain[^1].Hash)));
    }

    [Fact]
    public void An_edited_and_rehashed_entry_breaks_the_next_link()
    {
        var chain = Chain(4);
        chain[1] = chain[1] with { UserId = null };
        chain[1] = chain[1] with { Hash = AuditHash.Of(chain[1]) };

        Assert.Equal(new AuditVerification(false, 4, 3, AuditProblems.BrokenLink), Walk(chain, new ChainHead(4, chain[^1].Hash)));
    }

    [Fact]
    public void A_deleted_entry_is_missing_and_a_deleted_tail_falls_short_of_the_head()
    {
        var chain = Chain(4);

        Assert.Equal(new AuditVerification(false, 3, 2, AuditProblems.MissingEntry), Walk([chain[0], chain[2], chain[3]], new ChainHead(4, chain[3].Hash)));
        Assert.Equal(new AuditVerification(false, 3, 4, AuditProblems.MissingTail), Walk(chain[..3], new ChainHead(4, chain[3].Hash)));
        Assert.Equal(new AuditVerification(false, 0, 1, AuditProblems.MissingTail), Walk([], new ChainHead(4, chain[3].Hash)));
    }

    private static AuditVerification Walk(IEnumerable<ChainedEntry> entries, ChainHead? head)
    {
        var check = new AuditChainCheck();
        foreach (var entry in entries)
        {
            check.Next(entry);
        }

        return check.Finish(head);
    }

    private static ChainedEntry[] Chain(int length)
    {
        var chain = new List<ChainedEntry>();
        var previous = AuditHash.Genesis;
        for (var sequence = 1; sequence <= length; sequence++)
        {
            var entry = Entry(sequence, previous, sequence == 1 ? null : $"{{\"price\": {sequence - 1}}}", $"{{\"price\": {sequence}}}");
            entry = entry with { Hash = AuditHash.Of(entry) };
            chain.Add(entry);
            previous = entry.Hash;
        }

        return [.. chain];
    }

    private static ChainedEntry Entry(long sequence, string previousHash, string? before, string? after) => new(
        Organization, sequence, new DateTime(2026, 3, 1, 12, 30, 45, 123, 456, DateTimeKind.Utc), User, "req-1", "product.created", "product", "p1",
        before, after, previousHash, string.Empty);
}
