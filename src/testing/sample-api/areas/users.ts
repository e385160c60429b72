import type { SampleArea } from "../area.js";
import { find, isoAt, ok, paginate, sortRecords } from "../results.js";
import { DAY, EPOCH, HOUR } from "../seed-clock.js";
import {
  arrayOf,
  bool,
  idParam,
  int,
  object,
  ok as okSchema,
  op,
  pagination,
  ref,
  str,
  time,
} from "../spec-builders.js";
import { byId, type SampleData } from "../store.js";

export interface User {
  id: number;
  name: string;
  username: string;
  initials: string;
  email: string;
  online: boolean;
  active: boolean;
  organizationName: string;
  roles: string[];
  primaryGroupId: number;
  groups: { id: number; name: string }[];
  lastCheckedAnnouncements: string | null;
  featureFlags: Record<string, boolean>;
  createdAt: string;
  updatedAt: string;
}

declare module "../store.js" {
  interface SampleData {
    users: Map<number, User>;
  }
}

/** The summary of a user that other records nest. */
export const userSummary = ({ id, name, username, initials, online }: User) => ({
  id,
  name,
  username,
  initials,
  online,
});

/** The summary of the current user, who owns what the API creates. */
export const currentUser = (data: SampleData) => userSummary(find(data.users, data.currentUserId));

function seedUsers(): User[] {
  const createdAt = isoAt(EPOCH - 90 * DAY);
  return [
    {
      id: 1,
      name: "Demo User",
      username: "demo.user",
      initials: "DU",
      email: "demo.user@example.com",
      online: true,
      active: true,
      organizationName: "Demo Organization",
      roles: ["sdm"],
      primaryGroupId: 10,
      groups: [{ id: 10, name: "Demo Organization" }],
      lastCheckedAnnouncements: isoAt(EPOCH - 24 * HOUR),
      featureFlags: { workflowsUi: true, newScriptEditor: false, sampleApiFaults: true },
      createdAt,
      updatedAt: createdAt,
    },
    {
      id: 2,
      name: "Ada Analyst",
      username: "ada.analyst",
      initials: "AA",
      email: "ada.analyst@example.com",
      online: false,
      active: true,
      organizationName: "Demo Organization",
      roles: [],
      primaryGroupId: 10,
      groups: [
        { id: 10, name: "Demo Organization" },
        { id: 11, name: "Analytics" },
      ],
      lastCheckedAnnouncements: null,
      featureFlags: { workflowsUi: false, newScriptEditor: true, sampleApiFaults: false },
      createdAt,
      updatedAt: createdAt,
    },
  ];
}

export const users: SampleArea = {
  paths: {
    "/users": {
      get: op("users", "List Users", pagination(), okSchema(arrayOf(ref("UserListItem")))),
    },
    "/users/me": {
      get: op("users", "Show info about the logged-in user", [], okSchema(ref("CurrentUser"))),
    },
    "/users/{id}": {
      get: op("users", "Show info about a user", [idParam()], okSchema(ref("User"))),
    },
  },
  definitions: {
    CurrentUser: object({
      id: int("The ID of this user."),
      name: str("This user's name."),
      email: str("This user's email address."),
      username: str("This user's username."),
      initials: str("This user's initials."),
      organizationName: str("The name of the organization the user belongs to."),
      roles: arrayOf({ type: "string" }, "The roles this user has."),
      createdAt: time("The date and time when the user was created."),
      lastCheckedAnnouncements: time(
        "The date and time at which the user last checked their announcements.",
      ),
      featureFlags: {
        type: "object",
        additionalProperties: { type: "boolean" },
        description: "The feature flag settings for this user.",
      },
    }),
    UserListItem: object({
      id: int("The ID of this user."),
      name: str("This user's name."),
      username: str("This user's username."),
      initials: str("This user's initials."),
      email: str("This user's email address."),
      online: bool("Whether this user is online."),
      active: bool("Whether this user is able to log in."),
      createdAt: time("The date and time when the user was created."),
    }),
    User: object({
      id: int("The ID of this user."),
      name: str("This user's name."),
      username: str("This user's username."),
      initials: str("This user's initials."),
      email: str("This user's email address."),
      active: bool("Whether this user is able to log in."),
      primaryGroupId: int("The ID of the primary group of this user."),
      groups: arrayOf(
        object({ id: int("The ID of this group."), name: str("The name of this group.") }),
        "The groups this user belongs to.",
      ),
      createdAt: time("The date and time when the user was created."),
      updatedAt: time("The date and time when the user was last updated."),
    }),
  },
  handlers: {
    "GET /users": ({ data, query, view }) =>
      paginate(sortRecords(data.users.values(), "id", "asc"), query, view("UserListItem")),
    "GET /users/me": ({ data, view }) =>
      ok(view("CurrentUser")(find(data.users, data.currentUserId))),
    "GET /users/{id}": ({ data, params, view }) => ok(view("User")(find(data.users, params.id))),
  },
  seed(data) {
    data.users = byId(seedUsers());
  },
};
