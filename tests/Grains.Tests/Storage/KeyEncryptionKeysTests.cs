using System.Security.Cryptography;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Tests.Storage;

/// <summary>The envelope that seals secrets at rest, and how the KEKs are configured: pure logic, no database.</summary>
public sealed class KeyEncryptionKeysTests
{
    private static readonly string Old = "k1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Current = "k2:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_sealed_secret_is_a_version_1_envelope_of_the_current_kek_that_opens_only_for_its_own_row()
    {
        var keys = Keys(Old + "\n" + Current);

        var stored = keys.Seal("whsec_plain", "app.webhooks.secret/1");

        Assert.Equal("k2", stored.KekId);
        var envelope = Convert.FromBase64String(stored.Text);
        Assert.Equal(1, envelope[0]);
        Assert.Equal(1 + 12 + 16 + "whsec_plain".Length, envelope.Length);
        Assert.Equal("whsec_plain", keys.Open(stored, "app.webhooks.secret/1"));
        // The row is associated data: the same sealed text copied into another row does not open.
        Assert.ThrowsAny<CryptographicException>(() => keys.Open(stored, "app.webhooks.secret/2"));
        // Two seals of one secret differ (a fresh nonce each time).
        Assert.NotEqual(stored.Text, keys.Seal("whsec_plain", "app.webhooks.secret/1").Text);
    }

    [Fact]
    public void An_older_kek_still_opens_what_it_sealed_and_a_plain_secret_reads_as_it_is()
    {
        var sealedByOld = Keys(Old).Seal("secret", "ctx");

        var rotated = Keys(Old + "," + Current);

        Assert.Equal("k1", sealedByOld.KekId);
        Assert.Equal("secret", rotated.Open(sealedByOld, "ctx"));
        Assert.Equal("written before sealing", rotated.Open(new StoredSecret("written before sealing", null), "ctx"));
        var missing = Assert.Throws<InvalidOperationException>(() => Keys(Current).Open(sealedByOld, "ctx"));
        Assert.Contains("sealed with the key-encryption key(s) k1, which this node does not have", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_kek_both_settings_or_a_bad_entry_stop_with_a_message_that_never_echoes_the_key()
    {
        var none = Assert.Throws<InvalidOperationException>(() => new KeyEncryptionKeys(new ConfigurationBuilder().Build()));
        Assert.StartsWith("No key-encryption key: set Secrets__KeyEncryptionKeyFile", none.Message, StringComparison.Ordinal);

        var both = Assert.Throws<InvalidOperationException>(() => new KeyEncryptionKeys(Configuration(("Secrets:KeyEncryptionKey", Current), ("Secrets:KeyEncryptionKeyFile", "/nowhere"))));
        Assert.Equal("Set one of Secrets__KeyEncryptionKeyFile and Secrets__KeyEncryptionKey, not both.", both.Message);

        var shortKey = "k3:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var bad = Assert.Throws<InvalidOperationException>(() => Keys(shortKey));
        Assert.DoesNotContain(shortKey[3..], bad.Message, StringComparison.Ordinal);
        Assert.Contains("is not id:base64 of 32 bytes", bad.Message, StringComparison.Ordinal);

        var twice = Assert.Throws<InvalidOperationException>(() => Keys(Old + "\n" + Old));
        Assert.EndsWith("names the key-encryption key k1 twice.", twice.Message, StringComparison.Ordinal);

        var missingFile = Assert.Throws<InvalidOperationException>(() => new KeyEncryptionKeys(Configuration(("Secrets:KeyEncryptionKeyFile", "/nowhere/kek"))));
        Assert.Equal("The key-encryption key file /nowhere/kek (Secrets__KeyEncryptionKeyFile) does not exist.", missingFile.Message);
    }

    [Fact]
    public void A_kek_added_to_the_file_is_learnt_when_a_secret_needs_it_and_then_seals()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ipf-kek-").FullName, "kek");
        File.WriteAllText(file, Old + "\n");
        var running = new KeyEncryptionKeys(Configuration(("Secrets:KeyEncryptionKeyFile", file)));
        File.AppendAllText(file, Current + "\n");
        var sealedByNew = new KeyEncryptionKeys(Configuration(("Secrets:KeyEncryptionKeyFile", file))).Seal("secret", "ctx");

        Assert.Equal("k1", running.CurrentId);
        Assert.Equal("secret", running.Open(sealedByNew, "ctx"));
        Assert.Equal("k2", running.CurrentId);
    }

    private static KeyEncryptionKeys Keys(string value) => new(Configuration(("Secrets:KeyEncryptionKey", value)));

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
