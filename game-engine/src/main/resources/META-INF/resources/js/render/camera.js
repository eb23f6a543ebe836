// Which part of the world the canvas shows: the top-left world point in view and the scale (CSS pixels per world
// unit). Fitted, it shows the whole world centred; pan and zoom leave the fit until fit() again.

const MIN_SCALE = 0.02;
const MAX_SCALE = 40;

export class Camera {
  constructor() {
    this.x = 0;
    this.y = 0;
    this.scale = 1;
    this.fitted = true;
    this.screen = { width: 1, height: 1 };
    this.world = { width: 1, height: 1 };
  }

  /** The canvas' size in CSS pixels and the world's in units; keeps the fit when fitted. */
  resize(screenWidth, screenHeight, worldWidth, worldHeight) {
    const changed = screenWidth !== this.screen.width || screenHeight !== this.screen.height
      || worldWidth !== this.world.width || worldHeight !== this.world.height;
    this.screen = { width: screenWidth, height: screenHeight };
    this.world = { width: worldWidth, height: worldHeight };
    if (changed && this.fitted) this.fit();
    return changed;
  }

  fit() {
    this.scale = Math.min(this.screen.width / this.world.width, this.screen.height / this.world.height);
    this.x = (this.world.width - this.screen.width / this.scale) / 2;
    this.y = (this.world.height - this.screen.height / this.scale) / 2;
    this.fitted = true;
  }

  /** Zooms by factor keeping the world point under (sx, sy) (CSS pixels in the canvas) where it is. */
  zoom(factor, sx, sy) {
    const fitScale = Math.min(this.screen.width / this.world.width, this.screen.height / this.world.height);
    const scale = Math.min(MAX_SCALE, Math.max(Math.min(MIN_SCALE, fitScale), this.scale * factor));
    if (scale <= fitScale) { this.fit(); return; }
    const wx = this.x + sx / this.scale;
    const wy = this.y + sy / this.scale;
    this.scale = scale;
    this.x = wx - sx / scale;
    this.y = wy - sy / scale;
    this.fitted = false;
  }

  /** Moves the view by (dx, dy) CSS pixels. */
  pan(dx, dy) {
    this.x -= dx / this.scale;
    this.y -= dy / this.scale;
    this.fitted = false;
  }

  toWorld(sx, sy) {
    return { x: this.x + sx / this.scale, y: this.y + sy / this.scale };
  }

  /** The world rectangle in view. */
  visible() {
    return { x: this.x, y: this.y, w: this.screen.width / this.scale, h: this.screen.height / this.scale };
  }

  /** True when the whole world is in view (then no viewport needs to be sent). */
  showsWholeWorld() {
    const v = this.visible();
    return v.x <= 0 && v.y <= 0 && v.x + v.w >= this.world.width && v.y + v.h >= this.world.height;
  }
}
