using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>A private key file is readable by its owner only from the moment it exists, not chmod-ed after its key is written.</summary>
public sealed class PrivateKeyFileTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void A_key_file_is_owner_only_before_its_first_byte_even_over_a_stale_world_readable_one()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }

        var path = Path.Combine(Directory.CreateTempSubdirectory("ipf-key-").FullName, "jwt-signing.pem.tmp");
        File.WriteAllText(path, "stale");
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using (var file = PrivateKeyFile.Create(path))
        {
            Assert.Equal(0, file.Length);
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        }

        PrivateKeyFile.Write(path, "-----BEGIN PRIVATE KEY-----");
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path));
    }

    [Fact]
    public async Task The_first_signing_key_a_node_keeps_in_its_data_folder_is_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }

        await using var host = await ProductHost.StartAsync();

        var key = Path.Combine(host.DataFolder, "keys", "jwt-signing.pem");

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(key));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(key)!, "*.tmp"));
    }
}
