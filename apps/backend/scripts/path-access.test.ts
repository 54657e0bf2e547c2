import { ancestry, explainRefusal, firstRefusal, missingPermissions, type Account, type PathInfo } from "./path-access"

const ROOT_UID = 0
const POSTGRES: Account = { uid: 101, gids: [104] }

function dir(path: string, mode: number, uid = ROOT_UID, gid = 0): PathInfo {
  return { path, mode, uid, gid, isDirectory: true }
}

function file(path: string, mode: number, uid = ROOT_UID, gid = 0): PathInfo {
  return { path, mode, uid, gid, isDirectory: false }
}

describe("missingPermissions", () => {
  it("uses the others' bits for a stranger", () => {
    expect(missingPermissions(dir("/tmp/x", 0o700), POSTGRES, ["execute"])).toEqual(["execute"])
    expect(missingPermissions(dir("/srv", 0o755), POSTGRES, ["read", "execute"])).toEqual([])
    expect(missingPermissions(dir("/srv", 0o755), POSTGRES, ["write"])).toEqual(["write"])
  })

  it("uses the group's bits for a member, and only those", () => {
    expect(missingPermissions(dir("/g", 0o750, ROOT_UID, 104), POSTGRES, ["read", "execute"])).toEqual([])
    // Others may enter, but a member of the group is judged by the group's bits alone.
    expect(missingPermissions(dir("/g", 0o705, ROOT_UID, 104), POSTGRES, ["execute"])).toEqual(["execute"])
  })

  it("uses the owner's bits for the owner, even when others have more", () => {
    expect(missingPermissions(dir("/own", 0o700, 101, 104), POSTGRES, ["read", "write", "execute"])).toEqual([])
    expect(missingPermissions(dir("/own", 0o077, 101, 104), POSTGRES, ["execute"])).toEqual(["execute"])
  })

  it("lets root through everything but a file nobody may execute", () => {
    const root: Account = { uid: 0, gids: [0] }
    expect(missingPermissions(dir("/private", 0o000, 5, 5), root, ["read", "write", "execute"])).toEqual([])
    expect(missingPermissions(file("/bin/tool", 0o644, 5, 5), root, ["read", "execute"])).toEqual(["execute"])
    expect(missingPermissions(file("/bin/tool", 0o700, 5, 5), root, ["execute"])).toEqual([])
  })
})

describe("firstRefusal", () => {
  it("accepts a chain the account can traverse down to a target it may use", () => {
    const chain = [dir("/", 0o755), dir("/work", 0o755), dir("/work/repo", 0o755), file("/work/repo/initdb", 0o755)]
    expect(firstRefusal(chain, POSTGRES, ["read", "execute"])).toBeUndefined()
  })

  it("names the first folder the account may not enter, as a mode-700 mktemp folder", () => {
    const chain = [
      dir("/", 0o755),
      dir("/tmp", 0o1777),
      dir("/tmp/tmp.abc", 0o700),
      dir("/tmp/tmp.abc/repo", 0o755),
      file("/tmp/tmp.abc/repo/initdb", 0o755),
    ]
    expect(firstRefusal(chain, POSTGRES, ["read", "execute"])).toEqual({ info: chain[2], missing: ["execute"] })
  })

  it("refuses a private /root above an open project folder", () => {
    const chain = [dir("/", 0o755), dir("/root", 0o700), dir("/root/repo", 0o777)]
    expect(firstRefusal(chain, POSTGRES, ["execute"])?.info.path).toEqual("/root")
  })

  it("asks only execute of the folders on the way, and the wanted permissions of the target", () => {
    // A folder postgres may enter but not list is enough to pass through.
    const chain = [dir("/", 0o755), dir("/srv", 0o711), dir("/srv/data", 0o700, 101, 104)]
    expect(firstRefusal(chain, POSTGRES, ["read", "write", "execute"])).toBeUndefined()
    const notWritable = [dir("/", 0o755), dir("/srv", 0o755)]
    expect(firstRefusal(notWritable, POSTGRES, ["write", "execute"])).toEqual({ info: notWritable[1], missing: ["write"] })
  })

  it("refuses a binary the account may not run", () => {
    const chain = [dir("/", 0o755), dir("/opt", 0o755), file("/opt/postgres", 0o750)]
    expect(firstRefusal(chain, POSTGRES, ["read", "execute"])).toEqual({ info: chain[2], missing: ["read", "execute"] })
  })
})

describe("explainRefusal", () => {
  it("says enter for a folder and run for a file, with the mode in octal", () => {
    expect(explainRefusal({ info: dir("/tmp/tmp.abc", 0o40700), missing: ["execute"] }, "the postgres user")).toEqual(
      "the postgres user may not enter /tmp/tmp.abc (mode 700)"
    )
    expect(explainRefusal({ info: file("/opt/postgres", 0o100640), missing: ["read", "execute"] }, "you")).toEqual(
      "you may not read or run /opt/postgres (mode 640)"
    )
    expect(explainRefusal({ info: dir("/srv", 0o755), missing: ["write"] }, "you")).toEqual("you may not write to /srv (mode 755)")
  })
})

describe("ancestry", () => {
  it("lists every folder from / down to the path", () => {
    expect(ancestry("/tmp/tmp.abc/repo")).toEqual(["/", "/tmp", "/tmp/tmp.abc", "/tmp/tmp.abc/repo"])
    expect(ancestry("/")).toEqual(["/"])
  })
})
