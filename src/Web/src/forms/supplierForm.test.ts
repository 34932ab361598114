import { describe, expect, it } from "vitest";
import { checkLocation, emptyLocation, locationBody } from "./locationForm";
import { checkSupplier, emptySupplier, supplierBody } from "./supplierForm";

describe("supplier form", () => {
  it("needs a name, a real-looking email and a lead time of 0 to 365 days", () => {
    expect(checkSupplier({ ...emptySupplier(), email: "orders@", leadTimeDays: "400" })).toEqual({
      name: "Enter the supplier's name.",
      email: "Enter an email like orders@example.com.",
      leadTimeDays: "Lead time is a whole number of days from 0 to 365.",
    });
  });

  it("sends the lead time as a number and leaves empty fields out", () => {
    expect(supplierBody({ ...emptySupplier(), name: " Breakthru ", leadTimeDays: "0", zip: "" })).toEqual({ name: "Breakthru", leadTimeDays: 0 });
  });
});

describe("location form", () => {
  it("checks the name, the time zone and the coordinates", () => {
    expect(checkLocation({ ...emptyLocation(), timezone: "Central", latitude: "91", longitude: "-87.6298" })).toEqual({
      name: "Enter the location's name.",
      timezone: "Use a time zone name such as America/Chicago.",
      latitude: "Latitude is a number from -90 to 90 with at most 6 decimals.",
    });
  });

  it("leaves the kind out when it follows the business type", () => {
    expect(locationBody({ ...emptyLocation(), name: "Rooftop", timezone: "America/Chicago" })).toEqual({ name: "Rooftop", timezone: "America/Chicago" });
    expect(locationBody({ ...emptyLocation(), name: "Cellar", locationType: "warehouse", latitude: "41.8781" })).toEqual({ name: "Cellar", locationType: "warehouse", latitude: 41.8781 });
  });
});
