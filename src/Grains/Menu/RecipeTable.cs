using Dapper;
using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Grains.Compliance;
using Npgsql;

namespace InventoryProFlow.Grains.Menu;

/// <summary>SQL for app.recipes and their ingredients, written together and audited with the recipe as it was and is.</summary>
public sealed class RecipeTable(NpgsqlDataSource db, AuditLog audit)
{
    public const string NameUnique = "recipes_name_unique";

    public async Task<IReadOnlyList<Recipe>> All(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        var recipes = await connection.QueryAsync<RecipeRow>(
            "SELECT id, organization_id, name, created_at, updated_at FROM app.recipes WHERE organization_id = @organizationId AND deleted_at IS NULL",
            new { organizationId });
        var ingredients = (await connection.QueryAsync<IngredientRow>(
            "SELECT i.recipe_id, i.position, i.product_id, i.name, i.volume_ml, i.serving_size_id, i.quantity FROM app.recipe_ingredients i " +
            "JOIN app.recipes r ON r.id = i.recipe_id WHERE r.organization_id = @organizationId AND r.deleted_at IS NULL",
            new { organizationId })).ToLookup(i => i.RecipeId);
        return recipes.Select(r => r.With(ingredients[r.Id])).ToList();
    }

    /// <summary>Writes a recipe whole (its ingredients replaced), audited as recipe.created or recipe.updated.</summary>
    public async Task Save(Recipe recipe, Recipe? before)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO app.recipes (id, organization_id, name, created_at, updated_at) VALUES (@Id, @OrganizationId, @Name, @CreatedAt, @UpdatedAt) " +
            "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at",
            recipe, transaction);
        await connection.ExecuteAsync("DELETE FROM app.recipe_ingredients WHERE recipe_id = @Id", recipe, transaction);
        await WriteIngredients(connection, transaction, recipe);
        await audit.Append(connection, transaction, recipe.OrganizationId, AuditChange.Of("recipe", before is null ? "created" : "updated", recipe.Id, before, recipe));
        await transaction.CommitAsync();
    }

    /// <summary>Writes a recipe unaudited, inside the caller's transaction: for seeding demo data, which no one changed.</summary>
    public static async Task Insert(NpgsqlConnection connection, NpgsqlTransaction transaction, Recipe recipe)
    {
        await connection.ExecuteAsync(
            "INSERT INTO app.recipes (id, organization_id, name, created_at, updated_at) VALUES (@Id, @OrganizationId, @Name, @CreatedAt, @UpdatedAt)", recipe, transaction);
        await WriteIngredients(connection, transaction, recipe);
    }

    public async Task Delete(Recipe recipe, DateTime at)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("UPDATE app.recipes SET deleted_at = @at, updated_at = @at WHERE id = @Id", new { recipe.Id, at }, transaction);
        await audit.Append(connection, transaction, recipe.OrganizationId, AuditChange.Of("recipe", "deleted", recipe.Id, recipe, null));
        await transaction.CommitAsync();
    }

    private static Task<int> WriteIngredients(NpgsqlConnection connection, NpgsqlTransaction transaction, Recipe recipe) =>
        connection.ExecuteAsync(
            "INSERT INTO app.recipe_ingredients (recipe_id, position, product_id, name, volume_ml, serving_size_id, quantity) " +
            "VALUES (@RecipeId, @Position, @ProductId, @Name, @VolumeMl, @ServingSizeId, @Quantity)",
            recipe.Ingredients.Select((i, position) => new IngredientRow(recipe.Id, position, i.ProductId, i.Name, i.VolumeMl, i.ServingSizeId, i.Quantity)),
            transaction);

    private sealed record RecipeRow(Guid Id, Guid OrganizationId, string Name, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public Recipe With(IEnumerable<IngredientRow> ingredients) => new(
            Id, OrganizationId, Name,
            ingredients.OrderBy(i => i.Position).Select(i => new Ingredient(i.ProductId, i.Name, i.VolumeMl, i.ServingSizeId, i.Quantity)).ToList(),
            CreatedAt, UpdatedAt);
    }

    private sealed record IngredientRow(Guid RecipeId, int Position, Guid? ProductId, string? Name, decimal? VolumeMl, Guid? ServingSizeId, decimal? Quantity);
}
