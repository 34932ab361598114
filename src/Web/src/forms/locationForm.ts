import { locationTypes, type LocationBody, type LocationDetails, type LocationType } from "../api/catalogue";
import { addressFields, checkLengths, filledText, textOf, type TextField } from "./contactFields";
import type { FieldErrors } from "./fieldErrors";

export const locationFields: TextField[] = [
  { name: "name", label: "Name", max: 200 },
  { name: "licenseNumber", label: "Licence number", max: 64 },
  ...addressFields,
  { name: "timezone", label: "Time zone", max: 64 },
];

export type LocationValues = Record<string, string>;

export function emptyLocation(): LocationValues {
  return { ...textOf({}, locationFields), locationType: "", latitude: "", longitude: "" };
}

export function locationValues(location: LocationDetails): LocationValues {
  return {
    ...textOf(location, locationFields),
    locationType: location.locationType,
    latitude: location.latitude === null ? "" : String(location.latitude),
    longitude: location.longitude === null ? "" : String(location.longitude),
  };
}

function coordinateProblem(text: string, limit: number, label: string): string | null {
  if (!text.trim()) return null;
  if (!/^-?\d+(\.\d{1,6})?$/.test(text.trim()) || Math.abs(Number(text)) > limit) {
    return `${label} is a number from -${limit} to ${limit} with at most 6 decimals.`;
  }
  return null;
}

export function checkLocation(values: LocationValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name?.trim()) errors.name = "Enter the location's name.";
  checkLengths(values, locationFields, errors);
  if (values.timezone?.trim() && !errors.timezone && !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(values.timezone.trim())) {
    errors.timezone = "Use a time zone name such as America/Chicago.";
  }
  if (values.locationType && !locationTypes.includes(values.locationType as LocationType)) errors.locationType = "Choose a kind of location.";
  const latitude = coordinateProblem(values.latitude ?? "", 90, "Latitude");
  if (latitude) errors.latitude = latitude;
  const longitude = coordinateProblem(values.longitude ?? "", 180, "Longitude");
  if (longitude) errors.longitude = longitude;
  return errors;
}

export function locationBody(values: LocationValues): LocationBody {
  const body: LocationBody = filledText(values, locationFields);
  if (values.locationType) body.locationType = values.locationType as LocationType;
  if (values.latitude?.trim()) body.latitude = Number(values.latitude);
  if (values.longitude?.trim()) body.longitude = Number(values.longitude);
  return body;
}
