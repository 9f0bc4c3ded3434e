// Finding a task by name: a large graph draws only what is in view, so the browser's own find
// cannot. The list of names is filled when the box is first used after the graph changed shape.
import { escape } from "./api.js";

/** Wires the search box (input) and its datalist (list) to the graph's tasks; onFind gets the task found. */
export function connectTaskFinder(input, list, graphView, onFind) {
  let listed = null;
  input.addEventListener("focus", () => {
    if (listed === graphView.key) return;
    listed = graphView.key;
    list.innerHTML = graphView.latest.tasks.map(t => `<option value="${escape(t.id)}"></option>`).join("");
  });
  input.addEventListener("input", () => input.setCustomValidity(""));
  // On Enter or a pick from the list: the task of that name, else the first whose name contains it.
  input.addEventListener("change", () => {
    const wanted = input.value.trim().toLowerCase();
    if (!wanted) return;
    const tasks = graphView.latest.tasks;
    const task = tasks.find(t => t.id.toLowerCase() === wanted) ?? tasks.find(t => t.id.toLowerCase().includes(wanted));
    input.setCustomValidity(task ? "" : `no task's name contains "${input.value.trim()}"`);
    input.reportValidity();
    if (task) onFind(task.id);
  });
}
