import { listenToReconcileProgress, reportReconcileProgress } from "./reconcile-progress"

describe("reconcile progress", () => {
  it("reaches the listener registered under the id until it stops listening", () => {
    const heard: unknown[] = []
    const { progress_id, stop } = listenToReconcileProgress((progress) => heard.push(progress))
    reportReconcileProgress(progress_id, { phase: "listing", done: 1, total: 3 })
    reportReconcileProgress("another-run", { phase: "listing", done: 2, total: 3 })
    stop()
    reportReconcileProgress(progress_id, { phase: "listing", done: 3, total: 3 })
    expect(heard).toEqual([{ phase: "listing", done: 1, total: 3 }])
  })
})
