using System.Globalization;
using InventoryProFlow.Contracts.Errors;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// How many password hashes this process runs at once (Identity:PasswordHashConcurrency, the core count by default), and
/// how long one may wait for its turn (Identity:PasswordHashWaitMilliseconds, 2,000 by default). A hash is a core's worth
/// of work for a while; a burst of sign-ins beyond the cores only makes every one of them, and everything else on the
/// node, slower. Past the wait the request is refused 503 SERVICE_UNAVAILABLE with Retry-After, so the queue stays short.
/// </summary>
public sealed class HashingSlots : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public HashingSlots(int concurrency, TimeSpan wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        Concurrency = concurrency;
        Wait = wait;
        _slots = new SemaphoreSlim(concurrency, concurrency);
    }

    public int Concurrency { get; }

    public TimeSpan Wait { get; }

    public static HashingSlots From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Identity");
        return new HashingSlots(
            Setting(section, "PasswordHashConcurrency", Environment.ProcessorCount, minimum: 1),
            TimeSpan.FromMilliseconds(Setting(section, "PasswordHashWaitMilliseconds", 2_000, minimum: 0)));
    }

    /// <summary>Runs <paramref name="hash"/> in a slot, or refuses once the wait for one is over.</summary>
    public T Run<T>(Func<T> hash)
    {
        // Hashing is synchronous CPU work and so are its callers; the wait is bounded, so a blocked thread is given back soon.
        if (!_slots.Wait(Wait))
        {
            throw new ServiceUnavailableException("Every password-hashing slot of this node stayed busy for the whole wait.");
        }

        try
        {
            return hash();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private static int Setting(IConfigurationSection section, string name, int fallback, int minimum)
    {
        var text = section[name]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new InvalidOperationException($"Identity:{name} is '{text}': use a whole number of at least {minimum}.");
    }
}
