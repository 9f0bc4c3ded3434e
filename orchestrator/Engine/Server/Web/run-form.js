// The Run dialog: a target task, a task to force (with everything downstream of it), and the run's
// parameters; the server checks them and answers with the new run's URL.
import { api, escape } from "./api.js";

export class RunForm {
  constructor(dialog, onStarted) {
    this.dialog = dialog;
    this.form = dialog.querySelector("form");
    this.loaded = false;
    this.form.addEventListener("submit", event => { event.preventDefault(); this.submit(onStarted); });
    dialog.querySelector("[data-cancel]").addEventListener("click", () => dialog.close());
  }

  async open() {
    if (!this.loaded) {
      const { ok, body } = await api("/api/run-defaults");
      if (!ok) return;
      const options = selected => body.tasks.map(id => `<option${id === selected ? " selected" : ""}>${escape(id)}</option>`).join("");
      this.form.elements.target.innerHTML = options(body.target);
      this.form.elements.force.innerHTML = `<option value="">(none)</option>${options(null)}`;
      this.form.querySelector(".parameters").innerHTML = Object.entries(body.parameters).map(([name, value]) =>
        `<label>${escape(name)}<input name="parameter" data-name="${escape(name)}" value="${escape(value)}" data-default="${escape(value)}"></label>`).join("");
      this.loaded = true;
    }
    this.dialog.querySelector(".error").textContent = "";
    this.dialog.showModal();
  }

  async submit(onStarted) {
    const elements = this.form.elements;
    const parameters = {};
    // Only values changed from the server's own go in the request.
    for (const input of this.form.querySelectorAll('input[name="parameter"]')) {
      if (input.value !== input.dataset.default) parameters[input.dataset.name] = input.value;
    }
    const request = { target: elements.target.value, force: elements.force.value || null, parameters };
    const { ok, body } = await api("/api/runs", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
    if (!ok) {
      this.dialog.querySelector(".error").textContent = body.error ?? "the run could not start";
      return;
    }
    this.dialog.close();
    onStarted(body);
  }
}
