import { describe, expect, it } from "vitest";
import type { User } from "../../api/admin";
import { blankNewUser, editOf, fullName, newUserBody, userChangeBody } from "./userForms";

const sam: User = {
  id: "u1",
  organizationId: "o1",
  email: "sam@bar.example",
  firstName: "Sam",
  lastName: "Barback",
  role: "staff",
  phone: "555-0100",
  isActive: true,
  lastLoginAt: null,
  createdAt: "2026-01-01T00:00:00Z",
};

describe("adding a user", () => {
  it("trims names and email, keeps the password exactly and leaves out an empty phone", () => {
    const body = newUserBody({ ...blankNewUser, email: " sam@bar.example ", firstName: " Sam", lastName: "Barback ", password: " Night Shift 42! ", phone: "  " });
    expect(body).toEqual({ email: "sam@bar.example", firstName: "Sam", lastName: "Barback", role: "staff", password: " Night Shift 42! " });
    expect("phone" in body).toBe(false);
  });

  it("sends no password when none was typed: the invitee chooses their own", () => {
    expect(newUserBody({ ...blankNewUser, email: "sam@bar.example", firstName: "Sam", lastName: "Barback" })).not.toHaveProperty("password");
  });

  it("sends the phone and role when given", () => {
    expect(newUserBody({ ...blankNewUser, role: "manager", phone: " 555-0199 " })).toMatchObject({ role: "manager", phone: "555-0199" });
  });
});

describe("changing a user", () => {
  it("sends nothing when nothing changed", () => {
    expect(userChangeBody(sam, editOf(sam))).toBeNull();
    expect(userChangeBody(sam, { ...editOf(sam), firstName: " Sam " })).toBeNull();
  });

  it("sends only the fields that changed", () => {
    expect(userChangeBody(sam, { ...editOf(sam), role: "manager", lastName: "Lead" })).toEqual({ role: "manager", lastName: "Lead" });
  });

  it("does not send an emptied phone, which the Api cannot clear", () => {
    expect(userChangeBody(sam, { ...editOf(sam), phone: "" })).toBeNull();
    expect(userChangeBody({ ...sam, phone: null }, { ...editOf(sam), phone: "555-0123" })).toEqual({ phone: "555-0123" });
  });

  it("sends a blank name so the Api's refusal reaches the admin", () => {
    expect(userChangeBody(sam, { ...editOf(sam), firstName: "  " })).toEqual({ firstName: "" });
  });

  it("names a user by first and last name", () => {
    expect(fullName(sam)).toBe("Sam Barback");
  });
});
