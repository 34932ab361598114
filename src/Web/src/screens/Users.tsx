import { useState } from "react";
import { getSession } from "../api/client";
import { usePagedList } from "../api/usePagedList";
import type { User } from "../api/admin";
import { Shell } from "../layout/Shell";
import { inactiveRow } from "../components/InactiveRecords";
import { PagedRecords } from "../components/PagedRecords";
import { Done } from "../components/Status";
import { AddUser } from "./users/AddUser";
import { EditUser } from "./users/EditUser";
import { ChangePassword } from "./users/ChangePassword";
import { fullName } from "./users/userForms";
import "./Admin.css";

const pageSize = 25;

/** The people of the organisation: managers read the list, admins add, change and deactivate them. */
export default function Users() {
  const me = getSession()?.user;
  const isAdmin = me?.role === "admin";
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [added, setAdded] = useState("");
  const users = usePagedList<User>({ queryKey: ["users"], path: "/api/v1/users", limit: pageSize });

  const addButton = isAdmin && !adding && (
    <button
      type="button"
      onClick={() => {
        setAdding(true);
        setEditing(null);
        setAdded("");
      }}
    >
      Add a user
    </button>
  );
  return (
    <Shell title="Users" actions={addButton}>
      {!isAdmin && <p className="muted">You can see who works here. Only an admin can add people or change their role or access.</p>}
      {adding && (
        <AddUser
          onAdded={(user) => {
            setAdding(false);
            setAdded(`${fullName(user)} was invited as ${user.role}: they sign in once they follow the link sent to ${user.email}.`);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {added && <Done>{added}</Done>}
      {editing && <EditUser key={editing.id} user={editing} isSelf={editing.id === me?.id} onChanged={setEditing} onClose={() => setEditing(null)} />}
      <PagedRecords
        paged={users}
        noun="users"
        loading="Loading users…"
        empty={isAdmin ? "No users on this page. Add one with “Add a user”." : "No users on this page."}
      >
        {(items) => (
          <table aria-label="Users" className="users">
            <thead>
              <tr>
                <th scope="col">Name and email</th>
                <th scope="col">Role</th>
                <th scope="col">Access</th>
                {isAdmin && (
                  <th scope="col">
                    <span className="visually-hidden">Change</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <tr key={user.id} data-email={user.email} className={inactiveRow(user)}>
                  <td>
                    {fullName(user)}
                    {user.id === me?.id && <span className="muted"> (you)</span>}
                    <span className="email">{user.email}</span>
                  </td>
                  <td data-label="role">{user.role}</td>
                  <td data-label="access">{user.isActive ? "Active" : "Inactive"}</td>
                  {isAdmin && (
                    <td className="row-action">
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Change ${fullName(user)}`}
                        onClick={() => {
                          setEditing(user);
                          setAdding(false);
                        }}
                      >
                        Change
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedRecords>
      <ChangePassword />
    </Shell>
  );
}
