// The side panel: the selected task's state, why, how long it took, its neighbours, and its log as
// it grows; or a group's variants. Until someone picks a task, it follows whatever is running.
import { api, escape, seconds } from "./api.js";
import { summary } from "./graph.js";

export class TaskPanel {
  constructor(elements, onSelect) {
    this.$ = elements;
    this.selection = null;
    this.followRunning = true;
    this.graph = null;
    this.logNext = 0;
    this.logKey = "";
    elements.details.addEventListener("click", event => {
      const link = event.target.closest("[data-task]");
      if (!link) return;
      event.preventDefault();
      this.followRunning = false;
      onSelect({ task: link.dataset.task });
    });
  }

  /** Picks a task ({ task }) or a group ({ group }); byUser stops following running tasks. */
  select(selection, byUser) {
    if (byUser) this.followRunning = false;
    this.selection = selection;
    this.logNext = 0; this.logKey = "";
    this.$.log.textContent = "";
    this.render();
    this.refreshLog();
  }

  /** The latest /api/graph answer; returns the running task to follow, if any. */
  showGraph(graph) {
    this.graph = graph;
    this.render();
    const running = graph.tasks.find(t => t.state === "Running");
    return this.followRunning && running && running.id !== this.selection?.task ? running.id : null;
  }

  render() {
    const { graph, selection } = this;
    if (!graph || !selection) return;
    if (selection.group) {
      const variants = graph.tasks.filter(t => t.group === selection.group);
      this.$.title.textContent = selection.group;
      this.$.details.innerHTML = `<p class="reason">${variants.length} variants: ${escape(summary(variants.map(t => t.state)))}</p>` +
        `<ul class="variants">${variants.map(t => `<li><a href="#" data-task="${escape(t.id)}" class="state-dot ${t.state}">${escape(t.id)}</a> ` +
        `<span class="muted">${t.state}${t.seconds == null ? "" : ` · ${seconds(t.seconds)}`}</span></li>`).join("")}</ul>`;
      this.$.logBox.hidden = true;
      return;
    }
    const task = graph.tasks.find(t => t.id === selection.task);
    if (!task) return;
    const neededBy = graph.tasks.filter(t => t.dependsOn.includes(task.id)).map(t => t.id);
    const links = ids => ids.length ? ids.map(id => `<a href="#" data-task="${escape(id)}">${escape(id)}</a>`).join(", ") : "–";
    this.$.title.textContent = task.id;
    this.$.details.innerHTML =
      `<p><span class="badge ${task.state}">${task.state}</span>${task.seconds == null ? "" : ` <span class="muted">${seconds(task.seconds)}</span>`}</p>` +
      `<p class="reason">${escape(task.reason)}</p>` +
      `<dl><dt>needs</dt><dd>${links(task.dependsOn)}</dd><dt>needed by</dt><dd>${links(neededBy)}</dd>` +
      (task.group ? `<dt>group</dt><dd>${escape(task.group)}</dd>` : "") + `</dl>`;
    this.$.logBox.hidden = false;
  }

  async refreshLog() {
    const task = this.selection?.task, since = this.logNext;
    if (!task) return;
    const { ok, body } = await api(`/api/tasks/${encodeURIComponent(task)}/log?since=${since}`);
    // Drop an answer overtaken by a click on another task or by a read that already moved on.
    if (task !== this.selection?.task || since !== this.logNext) return;
    const log = this.$.log;
    if (!ok) { this.$.logTitle.textContent = body.error ?? "the log cannot be read"; return; }
    const key = `${body.runId}/${body.attempt}`;
    if (key !== this.logKey) {
      log.textContent = ""; this.logKey = key;
      // A new attempt has a new file: read it from its start, not from the old one's offset.
      if (since !== 0) { this.logNext = 0; return this.refreshLog(); }
    }
    this.$.logTitle.textContent = body.runId ? `run ${body.runId} · attempt ${body.attempt}` : "no attempt yet";
    if (body.text) {
      const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
      log.append(body.text);
      if (atBottom) log.scrollTop = log.scrollHeight;
    }
    this.logNext = body.next;
  }
}
