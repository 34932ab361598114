namespace InventoryProFlow.Api.Operations;

/// <summary>
/// Where a browser without a dashboard session lands: an operator signs in with the usual sign-in, the page opens a
/// dashboard session with the access token, drops the sign-in's refresh token, and goes on to the dashboard. The
/// token lives only in this page's memory; the browser keeps the HttpOnly cookie.
/// </summary>
public static class DashboardSignInPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Orleans Dashboard: sign in</title>
          <!-- No icon request: the dashboard's own icon needs the session this page is about to open. -->
          <link rel="icon" href="data:,">
          <style>
            body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; padding: 0 1rem; color: #1f2937; }
            label { display: block; margin-top: 1rem; }
            input { width: 100%; padding: .5rem; box-sizing: border-box; }
            button { margin-top: 1.5rem; padding: .5rem 1.5rem; }
            #problem { color: #b91c1c; min-height: 1.5rem; }
          </style>
          <script type="module" src="sign-in.js"></script>
        </head>
        <body>
          <h1>Orleans Dashboard</h1>
          <p>For operators: admins of the organisation that runs this cluster.</p>
          <form id="sign-in">
            <label>Email <input name="email" type="email" autocomplete="username" required></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Open the dashboard</button>
            <p id="problem" role="alert"></p>
          </form>
        </body>
        </html>
        """;

    public const string Script = """
        const form = document.getElementById("sign-in");
        const problem = document.getElementById("problem");

        async function post(path, body, token) {
          const headers = { "Content-Type": "application/json" };
          if (token) headers.Authorization = `Bearer ${token}`;
          const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin" });
          if (response.status === 204) return null;
          const answer = await response.json();
          if (!answer.success) throw new Error(answer.error.message);
          return answer.data;
        }

        form.addEventListener("submit", async (event) => {
          event.preventDefault();
          problem.textContent = "";
          try {
            const signedIn = await post("../api/v1/auth/login", { email: form.email.value, password: form.password.value });
            const session = await post("../api/v1/admin/dashboard/session", {}, signedIn.accessToken);
            // The cookie is the session now; the sign-in's refresh token would only be one more secret lying about.
            await post("../api/v1/auth/logout", { refreshToken: signedIn.refreshToken }).catch(() => undefined);
            location.replace(session.url);
          } catch (error) {
            problem.textContent = error.message;
          }
        });
        """;
}
