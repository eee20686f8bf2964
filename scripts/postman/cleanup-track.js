// specpost Cleanup: what the run created, so the Cleanup folder can delete it at the end. A
// create that answers with an id adds a record (its path parameters and the new id) to the
// list `specpost.created.<variable>`; a delete that succeeds during the run takes its record
// out. At most 100 records a list.
// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
const specpostCreated = (() => {
  const MAX_RECORDS = 100;
  const read = (list) => {
    try {
      const value = JSON.parse(pm.collectionVariables.get(list) || "[]");
      return Array.isArray(value) ? value : [];
    } catch {
      return [];
    }
  };
  // An empty list goes: every variable is handed to every later script of the run.
  const write = (list, records) =>
    records.length > 0
      ? pm.collectionVariables.set(list, JSON.stringify(records))
      : pm.collectionVariables.unset(list);
  // The path parameters of the request as sent, by the template's names (the template's
  // segments are the last ones of the path: a base URL may add its own in front).
  const sentParams = (template) => {
    const sent = pm.request.url.getPath().split("/").filter(Boolean);
    const tail = sent.slice(Math.max(0, sent.length - template.length));
    const out = {};
    template.forEach((segment, i) => {
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      if (name !== undefined && tail[i] !== undefined) out[name] = decodeURIComponent(tail[i]);
    });
    return out;
  };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  return {
    add(track, id) {
      const records = read(track.list);
      if (records.length >= MAX_RECORDS) return;
      records.push({ ...sentParams(track.path), [track.id]: String(id) });
      write(track.list, records);
    },
    remove(forget) {
      const record = sentParams(forget.path);
      write(
        forget.list,
        read(forget.list).filter((r) => !same(r, record)),
      );
    },
    read,
    write,
  };
})();
