// Request bodies for adding and changing a user, built from what the admin typed.
import type { Role } from "../../api/client";
import type { User, UserChange, UserDraft } from "../../api/admin";

export interface NewUserForm {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  phone: string;
  password: string;
}

export const blankNewUser: NewUserForm = { email: "", firstName: "", lastName: "", role: "staff", phone: "", password: "" };

/**
 * The POST body: names and email trimmed, no phone when none was typed. The password is sent exactly as typed, and
 * not at all when none was: the invitee then chooses one on accepting.
 */
export function newUserBody(form: NewUserForm): UserDraft {
  const phone = form.phone.trim();
  return {
    email: form.email.trim(),
    ...(form.password ? { password: form.password } : {}),
    firstName: form.firstName.trim(),
    lastName: form.lastName.trim(),
    role: form.role,
    ...(phone ? { phone } : {}),
  };
}

export interface UserEdit {
  firstName: string;
  lastName: string;
  role: Role;
  phone: string;
}

export function editOf(user: User): UserEdit {
  return { firstName: user.firstName, lastName: user.lastName, role: user.role, phone: user.phone ?? "" };
}

/**
 * The PATCH body: only what changed, or null when nothing did. A phone emptied is left out, since the Api
 * reads a missing or null field as "keep" and cannot clear one; a blank name is sent so the Api can refuse it.
 */
export function userChangeBody(user: User, edit: UserEdit): UserChange | null {
  const change: UserChange = {};
  const firstName = edit.firstName.trim();
  const lastName = edit.lastName.trim();
  const phone = edit.phone.trim();
  if (firstName !== user.firstName) change.firstName = firstName;
  if (lastName !== user.lastName) change.lastName = lastName;
  if (edit.role !== user.role) change.role = edit.role;
  if (phone !== "" && phone !== (user.phone ?? "")) change.phone = phone;
  return Object.keys(change).length > 0 ? change : null;
}

export function fullName(user: Pick<User, "firstName" | "lastName">): string {
  return `${user.firstName} ${user.lastName}`.trim();
}
