namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>The key-encryption key every product the tests start seals its secrets with, so hosts sharing a database open each other's.</summary>
public static class TestSecrets
{
    public const string KekId = "test-kek-1";

    /// <summary>A test key, known to the world: never a production one.</summary>
    public const string KeyEncryptionKey = KekId + ":wG9xQEPfRZYhMsy3ezKMM0fuKe2n4yo9TH3e6O80sUM=";
}
