using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Silo.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>Private keys never cross a grain boundary: no grain method can answer one, and the key ring answers public halves.</summary>
public sealed class GrainBoundaryTests
{
    [Fact]
    public void No_grain_method_answers_private_key_material()
    {
        var grainInterfaces = typeof(ISigningKeyRingGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t)).ToList();

        var leaks = grainInterfaces
            .SelectMany(grain => grain.GetMethods().Select(method => (Where: $"{grain.Name}.{method.Name}", method.ReturnType)))
            .SelectMany(m => PrivateMaterial(m.ReturnType, m.Where, []))
            .ToList();

        Assert.True(grainInterfaces.Count > 20, "the grain interfaces were found");
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task The_key_ring_grain_answers_an_outside_Orleans_client_only_the_public_halves_it_publishes()
    {
        var gatewayPort = Loopback.FreePort();
        var clusterId = "boundary-" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await ProductHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = clusterId,
        });
        // A client holding the cluster certificate (ClusterTlsTests: nothing less gets through the gateway): even a
        // member of the cluster is answered only public halves.
        var outsider = Host.CreateApplicationBuilder();
        var certificate = ClusterCertificate.Load(Path.Combine(host.DataFolder, "cluster-tls"), keyPassword: null);
        outsider.UseOrleansClient(client => client
            .UseLocalhostClustering(gatewayPort, serviceId: "inventory-pro-flow", clusterId: clusterId)
            .UseClusterTls(certificate));
        using var client = outsider.Build();
        await client.StartAsync();
        var ring = client.Services.GetRequiredService<IClusterClient>().GetGrain<ISigningKeyRingGrain>(SigningKeys.RingKey);

        var rotated = await ring.Rotate();
        var keys = await ring.PublicKeys();
        await host.Services.GetRequiredService<SigningKeys>().ReloadAsync();
        var published = (await host.Client().GetAsync("/.well-known/jwks.json")).Body.GetProperty("keys").EnumerateArray()
            .Select(k => (k.GetProperty("kid").GetString(), k.GetProperty("n").GetString(), k.GetProperty("e").GetString())).ToList();
        await client.StopAsync();

        Assert.Equal(["KeyId", "Modulus", "Exponent", "CreatedAt"], typeof(PublicSigningKey).GetProperties().Select(p => p.Name));
        Assert.Equal(2, keys.Count);
        Assert.Equal((rotated.KeyId, rotated.Modulus, rotated.Exponent), (keys[1].KeyId, keys[1].Modulus, keys[1].Exponent));
        Assert.Equal(published, keys.Select(k => ((string?)k.KeyId, (string?)k.Modulus, (string?)k.Exponent)));
        // Public halves only: RSA accepts them as a public key (a 2048-bit modulus and e = 65537).
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(keys[1].Modulus), Exponent = Base64UrlEncoder.DecodeBytes(keys[1].Exponent) });
        Assert.Equal(2048, rsa.KeySize);
    }

    /// <summary>Where in <paramref name="type"/> (a return type, followed through generics, arrays and our records) private key material could travel.</summary>
    private static IEnumerable<string> PrivateMaterial(Type type, string where, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        if (typeof(AsymmetricAlgorithm).IsAssignableFrom(type) || type == typeof(RSAParameters) || type == typeof(ECParameters) || typeof(SecurityKey).IsAssignableFrom(type))
        {
            yield return $"{where}: {type.Name}";
            yield break;
        }

        var parts = type.IsArray ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : Array.Empty<Type>();
        foreach (var part in parts)
        {
            foreach (var leak in PrivateMaterial(part, where, seen))
            {
                yield return leak;
            }
        }

        if (type.Namespace?.StartsWith("InventoryProFlow", StringComparison.Ordinal) != true)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name.Contains("PrivateKey", StringComparison.OrdinalIgnoreCase) || property.Name.EndsWith("Pem", StringComparison.Ordinal))
            {
                yield return $"{where}: {type.Name}.{property.Name}";
            }

            foreach (var leak in PrivateMaterial(property.PropertyType, $"{where} > {type.Name}.{property.Name}", seen))
            {
                yield return leak;
            }
        }
    }
}
