using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Storage;

/// <summary>A secret as its column holds it: the text and the key-encryption key that sealed it (null: still plain).</summary>
public sealed record StoredSecret(string Text, string? KekId);

/// <summary>
/// The key-encryption keys (KEKs) that seal secrets at rest with AES-256-GCM. They live outside the database, in the
/// file <c>Secrets:KeyEncryptionKeyFile</c> or the value <c>Secrets:KeyEncryptionKey</c>: entries <c>id:base64</c> (32
/// bytes), one per line (or separated by commas); the last one seals new secrets, the others still open old ones.
/// A sealed column holds base64 of version (1 byte) + nonce (12) + tag (16) + ciphertext; its row's <c>kek_id</c> names
/// the KEK, and the row's identity is the associated data, so a sealed value copied into another row does not open.
/// </summary>
public sealed partial class KeyEncryptionKeys
{
    public const string FileSetting = "Secrets:KeyEncryptionKeyFile";
    public const string ValueSetting = "Secrets:KeyEncryptionKey";

    private const byte EnvelopeVersion = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int KeyBytes = 32;

    private readonly string? _file;
    private readonly Lock _reloading = new();
    private Ring _ring;

    public KeyEncryptionKeys(IConfiguration configuration)
    {
        var file = configuration[FileSetting];
        var value = configuration[ValueSetting];
        if (!string.IsNullOrWhiteSpace(file) && !string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"Set one of {Env(FileSetting)} and {Env(ValueSetting)}, not both.");
        }

        if (!string.IsNullOrWhiteSpace(file))
        {
            _file = file;
            _ring = Parse(ReadFile(file), $"the file {file} ({Env(FileSetting)})");
        }
        else if (!string.IsNullOrWhiteSpace(value))
        {
            _ring = Parse(value, Env(ValueSetting));
        }
        else
        {
            throw new InvalidOperationException(
                $"No key-encryption key: set {Env(FileSetting)} (a file of lines id:base64-of-32-bytes, mounted from a secret) or " +
                $"{Env(ValueSetting)}. Secrets in the database are sealed with it. `make run` makes one in .data/keys/kek; see docs/OPERATIONS.md.");
        }
    }

    /// <summary>The KEK that seals new secrets.</summary>
    public string CurrentId => _ring.CurrentId;

    /// <summary>Whether this node can open what <paramref name="kekId"/> sealed (reading the file again if it is new to us).</summary>
    public bool Knows(string kekId) => Key(kekId) is not null;

    /// <summary>Seals <paramref name="secret"/> with the current KEK, bound to <paramref name="context"/> (the row it belongs to).</summary>
    public StoredSecret Seal(string secret, string context)
    {
        var ring = _ring;
        var plain = Encoding.UTF8.GetBytes(secret);
        var envelope = new byte[1 + NonceBytes + TagBytes + plain.Length];
        envelope[0] = EnvelopeVersion;
        var nonce = envelope.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(ring.Keys[ring.CurrentId], TagBytes);
        aes.Encrypt(nonce, plain, envelope.AsSpan(1 + NonceBytes + TagBytes), envelope.AsSpan(1 + NonceBytes, TagBytes), Encoding.UTF8.GetBytes(context));
        return new StoredSecret(Convert.ToBase64String(envelope), ring.CurrentId);
    }

    /// <summary>The secret in <paramref name="stored"/>; a plain one (written before sealing) as it is.</summary>
    public string Open(StoredSecret stored, string context)
    {
        if (stored.KekId is null)
        {
            return stored.Text;
        }

        var key = Key(stored.KekId) ?? throw MissingKeys([stored.KekId]);
        var envelope = Convert.FromBase64String(stored.Text);
        if (envelope.Length < 1 + NonceBytes + TagBytes || envelope[0] != EnvelopeVersion)
        {
            throw new CryptographicException($"The sealed secret of {context} is not a version {EnvelopeVersion} envelope.");
        }

        var plain = new byte[envelope.Length - 1 - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(envelope.AsSpan(1, NonceBytes), envelope.AsSpan(1 + NonceBytes + TagBytes), envelope.AsSpan(1 + NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The start-up refusal when the database holds secrets sealed with KEKs this node lacks.</summary>
    public static InvalidOperationException MissingKeys(IEnumerable<string> kekIds) => new(
        $"The database holds secrets sealed with the key-encryption key(s) {string.Join(", ", kekIds)}, which this node does not have. " +
        $"Give it the KEK file or value those secrets were sealed with ({Env(FileSetting)} or {Env(ValueSetting)}); see docs/OPERATIONS.md.");

    private byte[]? Key(string kekId)
    {
        if (_ring.Keys.TryGetValue(kekId, out var key))
        {
            return key;
        }

        if (_file is null)
        {
            return null;
        }

        // A KEK added to the file (rotation) is learnt without a restart; it also becomes the one that seals.
        lock (_reloading)
        {
            _ring = Parse(ReadFile(_file), $"the file {_file} ({Env(FileSetting)})");
        }

        return _ring.Keys.GetValueOrDefault(kekId);
    }

    private static string ReadFile(string path) =>
        File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"The key-encryption key file {path} ({Env(FileSetting)}) does not exist.");

    private static Ring Parse(string text, string source)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? current = null;
        foreach (var entry in text.Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.StartsWith('#'))
            {
                continue;
            }

            var match = EntryPattern().Match(entry);
            byte[]? key = null;
            if (match.Success)
            {
                try
                {
                    key = Convert.FromBase64String(match.Groups["key"].Value);
                }
                catch (FormatException)
                {
                    key = null;
                }
            }

            // Never echo the entry: it is the key.
            if (key is not { Length: KeyBytes })
            {
                throw new InvalidOperationException($"An entry of {source} is not id:base64 of {KeyBytes} bytes (the id: 1 to 32 letters, digits, '-' or '_').");
            }

            current = match.Groups["id"].Value;
            if (!keys.TryAdd(current, key))
            {
                throw new InvalidOperationException($"{source} names the key-encryption key {current} twice.");
            }
        }

        return current is null
            ? throw new InvalidOperationException($"{source} holds no key-encryption key (lines id:base64-of-32-bytes).")
            : new Ring(keys, current);
    }

    private static string Env(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    [GeneratedRegex("^(?<id>[A-Za-z0-9_-]{1,32}):(?<key>[A-Za-z0-9+/=]+)$")]
    private static partial Regex EntryPattern();

    private sealed record Ring(IReadOnlyDictionary<string, byte[]> Keys, string CurrentId);
}
