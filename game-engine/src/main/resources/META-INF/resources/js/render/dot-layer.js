// The background and the agents of a zoomed-out world, written straight into the canvas' pixels. When agents are
// a pixel or two wide, a software canvas spends most of a frame rasterizing one small rectangle per agent; writing
// each agent's few pixels into an ImageData and putting it once costs a fraction of that (docs/benchmarks.md).
// What is drawn over it (walls, grid, selection) is drawn by the canvas as usual.

export class DotLayer {
  constructor() {
    this.image = null;
    this.words = null; // the image's pixels, one 32-bit word each, in the platform's byte order
    this.colors = new Map(); // CSS colour -> pixel word
    this.probe = null;
  }

  /**
   * Replaces the canvas' pixels: `outside` everywhere, `background` on the world's rectangle, and for each team a
   * square of `side` device pixels centred on each agent. `toDevice` maps world units to device pixels
   * ({scale, x, y}: device = (world - x) * scale).
   */
  paint(g, width, height, toDevice, world, teams, side, colors) {
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      this.image = g.createImageData(width, height);
      this.words = new Uint32Array(this.image.data.buffer);
    }
    const words = this.words;
    const { scale, x: ox, y: oy } = toDevice;
    words.fill(this.word(colors.outside));
    const left = clamp(Math.round(-ox * scale), width);
    const right = clamp(Math.round((world.width - ox) * scale), width);
    const top = clamp(Math.round(-oy * scale), height);
    const bottom = clamp(Math.round((world.height - oy) * scale), height);
    const background = this.word(colors.background);
    for (let y = top; y < bottom; y++) words.fill(background, y * width + left, y * width + right);
    const offset = side / 2;
    for (let team = 0; team < teams.length; team++) {
      const { xs, ys, count } = teams[team];
      const color = this.word(colors.teams[team]);
      for (let i = 0; i < count; i++) {
        const x = Math.round((xs[i] - ox) * scale - offset);
        const y = Math.round((ys[i] - oy) * scale - offset);
        const x0 = Math.max(0, x);
        const x1 = Math.min(width, x + side);
        const y1 = Math.min(height, y + side);
        for (let row = Math.max(0, y); row < y1; row++) words.fill(color, row * width + x0, row * width + x1);
      }
    }
    g.putImageData(this.image, 0, 0);
  }

  /** The pixel word of a CSS colour, as the canvas itself renders it (any CSS colour syntax works). */
  word(color) {
    let word = this.colors.get(color);
    if (word === undefined) {
      if (!this.probe) this.probe = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
      this.probe.clearRect(0, 0, 1, 1);
      this.probe.fillStyle = color;
      this.probe.fillRect(0, 0, 1, 1);
      word = new Uint32Array(this.probe.getImageData(0, 0, 1, 1).data.buffer)[0];
      this.colors.set(color, word);
    }
    return word;
  }
}

function clamp(value, max) {
  return Math.max(0, Math.min(max, value));
}
