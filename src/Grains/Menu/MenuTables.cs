using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Menu;

/// <summary>SQL for app.serving_sizes; deleted sizes are invisible here.</summary>
public sealed class ServingSizeTable(NpgsqlDataSource db, AuditLog audit) : TenantTable<ServingSize>(
    db, audit, "app.serving_sizes", "serving_size", s => s.Id, s => s.OrganizationId,
    "id, organization_id, name, volume_ml, created_at, updated_at", liveFilter: "deleted_at IS NULL")
{
    public const string NameUnique = "serving_sizes_name_unique";
}

/// <summary>SQL for app.pos_items; deleted mappings are invisible here.</summary>
public sealed class PosItemTable(NpgsqlDataSource db, AuditLog audit) : TenantTable<PosItemMapping>(
    db, audit, "app.pos_items", "pos_item", i => i.Id, i => i.OrganizationId,
    "id, organization_id, location_id, pos_item_id, name, recipe_id, product_id, volume_ml, serving_size_id, quantity, created_at, updated_at",
    liveFilter: "deleted_at IS NULL")
{
    public const string PosItemUnique = "pos_items_unique";
}

/// <summary>SQL for app.pos_modifiers; deleted rules are invisible here.</summary>
public sealed class PosModifierTable(NpgsqlDataSource db, AuditLog audit) : TenantTable<PosModifierRule>(
    db, audit, "app.pos_modifiers", "pos_modifier", m => m.Id, m => m.OrganizationId,
    "id, organization_id, pos_modifier_id, name, action, factor, volume_ml, serving_size_id, product_id, replaces_product_id, created_at, updated_at",
    liveFilter: "deleted_at IS NULL")
{
    public const string ModifierUnique = "pos_modifiers_unique";
}
