import type { Role } from "./api/client";

// Every screen of the app, who may open it, and where it sits in the menu. The Api enforces the same
// rules (docs/SECURITY.md); hiding a screen only spares people a door they cannot go through.

export interface Screen {
  path: string;
  title: string;
  roles: readonly Role[];
  /** Shown in the phone's bottom bar as well as the menu. */
  primary?: boolean;
}

const everyone: readonly Role[] = ["admin", "manager", "staff"];
const managers: readonly Role[] = ["admin", "manager"];
const admins: readonly Role[] = ["admin"];

export const screens: readonly Screen[] = [
  { path: "/", title: "Dashboard", roles: everyone, primary: true },
  { path: "/inventory", title: "Inventory", roles: everyone, primary: true },
  { path: "/count", title: "Count", roles: everyone, primary: true },
  { path: "/count-sessions", title: "Count sessions", roles: everyone },
  { path: "/receiving", title: "Receiving", roles: managers },
  { path: "/transfers", title: "Transfers", roles: managers },
  { path: "/transactions", title: "Transactions", roles: everyone },
  { path: "/products", title: "Products", roles: everyone },
  { path: "/suppliers", title: "Suppliers", roles: everyone },
  { path: "/locations", title: "Locations", roles: everyone },
  { path: "/users", title: "Users", roles: managers },
  { path: "/compliance", title: "Compliance", roles: managers },
  { path: "/forecasts", title: "Forecasts", roles: managers },
  { path: "/variance", title: "Variance", roles: managers },
  { path: "/menu", title: "Menu", roles: managers },
  { path: "/integrations", title: "Integrations", roles: admins },
  { path: "/organization", title: "Organisation", roles: admins },
  { path: "/notifications", title: "Notifications", roles: everyone },
];

export function canOpen(role: Role | undefined, path: string): boolean {
  const screen = screens.find((s) => s.path === path);
  return !!role && !!screen && screen.roles.includes(role);
}

export function screensFor(role: Role | undefined): Screen[] {
  return screens.filter((s) => !!role && s.roles.includes(role));
}
