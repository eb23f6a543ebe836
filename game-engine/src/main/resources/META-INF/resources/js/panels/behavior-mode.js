// The behavior editor's CodeMirror mode and completion. Highlighting: the JSON document, and inside the strings
// that are expressions (the language's expressionFields: condition, weight, forceScale) their CEL: perception variables, params, functions,
// numbers and operators. Completion offers what the server's behavior_language lists: variables, params of the
// document, functions in expressions, primitives and targets in their fields. Nothing here copies a server name.

export function defineBehaviorMode(CodeMirror, language) {
  const EXPRESSION_KEYS = new Set(language.expressionFields);
  const variables = new Set(language.variables.map((v) => v.name));
  const functions = new Set(language.functions);
  const prefixOfParams = language.paramsPrefix;

  function expressionToken(stream, state) {
    if (stream.match(/^\\"/)) return 'string';
    if (stream.peek() === '"') { stream.next(); state.inExpression = false; return 'string'; }
    if (stream.match(/^\\./)) return 'string';
    if (stream.eatSpace()) return null;
    const word = stream.match(/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/);
    if (word) {
      const name = word[0];
      if (variables.has(name)) return 'variable-2';
      if (functions.has(name)) return 'builtin';
      if (name.startsWith(prefixOfParams)) return 'variable-3';
      if (name === 'true' || name === 'false') return 'atom';
      return 'variable';
    }
    if (stream.match(/^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/)) return 'number';
    if (stream.match(/^(?:&&|\|\||[<>=!]=?|[-+*/%?:])/)) return 'operator';
    stream.next();
    return 'bracket';
  }

  /** Reads a JSON string after its opening quote; returns its text. */
  function readString(stream) {
    let text = '';
    let escaped = false;
    for (let ch = stream.next(); ch !== undefined && ch !== null; ch = stream.next()) {
      if (ch === '"' && !escaped) return text;
      escaped = !escaped && ch === '\\';
      text += ch;
    }
    return text;
  }

  CodeMirror.defineMode('arena-behavior', () => ({
    startState: () => ({ stack: [], expectKey: false, key: null, inExpression: false }),
    copyState: (s) => ({ stack: s.stack.slice(), expectKey: s.expectKey, key: s.key, inExpression: s.inExpression }),
    token(stream, state) {
      if (state.inExpression) return expressionToken(stream, state);
      if (stream.eatSpace()) return null;
      const top = state.stack[state.stack.length - 1];
      const ch = stream.next();
      if (ch === '"') {
        if (top === '{' && state.expectKey) { state.key = readString(stream); return 'property'; }
        if (EXPRESSION_KEYS.has(state.key)) { state.inExpression = true; return 'string'; }
        readString(stream);
        return state.key === 'primitive' || state.key === 'target' ? 'keyword' : 'string';
      }
      if (ch === '{' || ch === '[') { state.stack.push(ch); state.expectKey = ch === '{'; return 'bracket'; }
      if (ch === '}' || ch === ']') { state.stack.pop(); state.expectKey = false; return 'bracket'; }
      if (ch === ':') { state.expectKey = false; return null; }
      if (ch === ',') { state.expectKey = top === '{'; return null; }
      if (/[-\d]/.test(ch)) { stream.match(/^[\d.eE+-]*/); return 'number'; }
      if (stream.match(/^(?:rue|alse|ull)/) || /[tfn]/.test(ch)) { stream.match(/^\w*/); return 'atom'; }
      return 'error';
    },
  }));

  /** show-hint's source: the names that fit where the cursor is. */
  return function hint(cm) {
    const cursor = cm.getCursor();
    const before = cm.getLine(cursor.line).slice(0, cursor.ch);
    const word = (before.match(/[A-Za-z_][\w.]*$/) || [''])[0];
    const field = (before.match(/"(\w+)"\s*:\s*"(?:[^"\\]|\\.)*$/) || [])[1];
    let candidates = [];
    if (EXPRESSION_KEYS.has(field)) {
      candidates = [
        ...language.variables.map((v) => ({ text: v.name, about: `${v.kind.toLowerCase()}: ${v.description}` })),
        ...paramsOf(cm).map((p) => ({ text: prefixOfParams + p, about: 'a param of this document' })),
        ...language.functions.map((f) => ({ text: `${f}(`, about: 'function' })),
      ];
    } else if (field === 'primitive') {
      candidates = language.primitives.map((p) => ({ text: p.id, about: (p.needsTarget ? 'needs a target: ' : '') + p.description }));
    } else if (field === 'target') {
      candidates = language.targets.map((t) => ({ text: t.id, about: t.description }));
    } else {
      return null;
    }
    const list = candidates.filter((c) => c.text.startsWith(word) && c.text !== word)
      .map((c) => ({ text: c.text, displayText: `${c.text} — ${c.about}` }));
    return { list, from: CodeMirror.Pos(cursor.line, cursor.ch - word.length), to: cursor };
  };
}

function paramsOf(cm) {
  try {
    return Object.keys(JSON.parse(cm.getValue()).params || {});
  } catch {
    return [];
  }
}
