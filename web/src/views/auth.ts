import { api } from "../api.js";
import { navigate, report } from "../app.js";
import { h, show } from "../dom.js";
import { session } from "../session.js";

function field(label: string, input: HTMLInputElement): HTMLElement {
  return h("label", {}, h("span", {}, label), input);
}

/** Logs in; on success goes where the shopper was heading (`?next=`), else to the catalog. */
export function loginView(main: HTMLElement): void {
  const email = h("input", { type: "email", name: "email", autocomplete: "username", required: true });
  const password = h("input", {
    type: "password",
    name: "password",
    autocomplete: "current-password",
    required: true,
  });
  const submit = h("button", { type: "submit" }, "Log in");
  const form = h(
    "form",
    { class: "panel", "aria-label": "Log in" },
    field("Email", email),
    field("Password", password),
    submit,
    h("p", {}, "No account yet? ", h("a", { href: "/register" }, "Register")),
  );
  onSubmit(form, submit, () => logIn(email.value, password.value));
  show(main, h("h1", {}, "Log in"), form);
  email.focus();
}

export function registerView(main: HTMLElement): void {
  const name = h("input", { name: "name", autocomplete: "name", required: true, maxlength: 100 });
  const email = h("input", { type: "email", name: "email", autocomplete: "email", required: true });
  const password = h("input", {
    type: "password",
    name: "password",
    autocomplete: "new-password",
    required: true,
    minlength: 8,
  });
  const submit = h("button", { type: "submit" }, "Create account");
  const form = h(
    "form",
    { class: "panel", "aria-label": "Register" },
    field("Name", name),
    field("Email", email),
    field("Password (8 characters or more)", password),
    submit,
  );
  onSubmit(form, submit, async () => {
    await api("POST", "/users", { name: name.value, email: email.value, password: password.value });
    await logIn(email.value, password.value);
  });
  show(main, h("h1", {}, "Create an account"), form);
  name.focus();
}

/** Runs `signIn` when the form is sent (its button disabled meanwhile), then goes on to the next page. */
function onSubmit(form: HTMLFormElement, submit: HTMLButtonElement, signIn: () => Promise<void>): void {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await signIn();
      navigate(nextPage());
    } catch (error) {
      report(error);
    } finally {
      submit.disabled = false;
    }
  });
}

async function logIn(email: string, password: string): Promise<void> {
  const answer = await api<{ accessToken: string }>("POST", "/auth/token", { email, password });
  session.signIn(answer.accessToken);
}

export function logOut(): void {
  session.signOut();
  navigate("/");
}

function nextPage(): string {
  const next = new URLSearchParams(location.search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** Sends a shopper who is not signed in to the login page, to come back here after. */
export function requireLogin(): boolean {
  if (session.token()) {
    return true;
  }
  navigate(`/login?next=${encodeURIComponent(location.pathname)}`);
  return false;
}
